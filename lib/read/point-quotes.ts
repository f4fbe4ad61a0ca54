// Statements singled out on the chart: each series' extremes and each point's tooltip quotes.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Db } from "../store/client";
import type { Filters, Resolution } from "./filters";
import { contributionsOf, strongestEvidence } from "../score/explain";
import { shortQuote, type PointQuote } from "./series";
import { SCORED_STATEMENTS } from "../store/rollups";
import { weightSetsByVersion } from "../store/weight-sets";
import type { Features, Label } from "../core/types";
import { whereSql } from "./filter-sql";
import { periodStartSql, seriesKey } from "./series-sql";
import { clipped, num, parseJson } from "./raw-values";

const sql = Prisma.sql;
const join = Prisma.join;

/** Quotes shown per data point in the chart's tooltip. */
export const QUOTES_PER_POINT = 3;
/** Characters of a statement a quote shows at most. */
export const QUOTE_CHARS = 160;

/**
 * Statements singled out for the chart, ranked by distance from neutral:
 * - `per: "extreme"`: per series, its most hostile and its most conciliatory statement
 *   (neutral ones are never singled out)
 *   (the two ends of its swing; among equals the most widely reported, then the latest);
 * - `per: "point"`: per data point, the strongest few (the tooltip's quotes).
 */
export async function queryPointQuotes(db: Db, filters: Filters, seriesKeys: string[], per: "extreme" | "point", resolution: Resolution): Promise<PointQuote[]> {
  if (seriesKeys.length === 0) return [];
  const key = seriesKey(filters);
  // A quote is dated by the point it belongs to: the first day of its period.
  const period = periodStartSql(db, sql`"date"`, resolution);
  const charted = sql`FROM ${SCORED_STATEMENTS} ${whereSql(filters, { charted: true })} AND ${key} IN (${join(seriesKeys)})`;
  const columns = sql`"id", "series", "date", "score", "label", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text", "features", "weightVersion"`;
  let rows: Array<Record<string, unknown>>;
  if (per === "point") {
    rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${columns} FROM (
        SELECT "id", ${key} AS "series", ${period} AS "date", "score", "label", "text", "features", "weightVersion",
          ROW_NUMBER() OVER (PARTITION BY ${key}, ${period} ORDER BY ABS("score") DESC, "id" ASC) AS "rank"
        ${charted}
      ) ranked
      WHERE "rank" <= ${QUOTES_PER_POINT}
      ORDER BY "series", "date", "score"`);
  } else {
    // Reports are counted only for the statements tied at their side's greatest distance from
    // neutral: counting them for every statement of the series cost most of the query.
    rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${columns} FROM (
        SELECT "id", "series", "date", "score", "label", "text", "features", "weightVersion",
          ROW_NUMBER() OVER (PARTITION BY "series", "side" ORDER BY (SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "strongest"."id") DESC, "day" DESC, "id" ASC) AS "rank"
        FROM (
          SELECT "id", "series", "date", "day", "score", "label", "text", "features", "weightVersion", "side",
            RANK() OVER (PARTITION BY "series", "side" ORDER BY ABS("score") DESC) AS "strength"
          FROM (
            SELECT "id", ${key} AS "series", ${period} AS "date", "date" AS "day", "score", "label", "text", "features", "weightVersion",
              CASE WHEN "score" < 0 THEN 0 ELSE 1 END AS "side"
            ${charted} AND "label" <> 'neutral'
          ) sided
        ) "strongest"
        WHERE "strength" = 1
      ) ranked
      WHERE "rank" = 1
      ORDER BY "series", "date", "score"`);
  }
  const weights = await weightSetsByVersion(db);
  return rows.map((r) => {
    const text = String(r.text);
    const features = parseJson<Features>(r.features);
    const evidence = strongestEvidence(contributionsOf(features, weights, num(r.weightVersion)), features);
    return {
      id: String(r.id),
      series: String(r.series),
      date: String(r.date),
      score: num(r.score),
      label: String(r.label) as Label,
      text: clipped(text, QUOTE_CHARS),
      short: shortQuote(text, evidence),
    };
  });
}
