// Statements singled out on the chart: each point's tooltip quotes and the candidates to label each series' extremes.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Db } from "../store/client";
import type { Filters, Resolution } from "./filters";
import { contributionsOf, strongestEvidence } from "../score/explain";
import { shortQuote, type AnnotationCandidate, type PointQuote } from "./series";
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
 * Per data point, the strongest few statements (the tooltip's quotes), ranked by distance from
 * neutral.
 */
export async function queryPointQuotes(db: Db, filters: Filters, seriesKeys: string[], resolution: Resolution): Promise<PointQuote[]> {
  if (seriesKeys.length === 0) return [];
  const key = seriesKey(filters);
  // A quote is dated by the point it belongs to: the first day of its period.
  const period = periodStartSql(db, sql`"date"`, resolution);
  const charted = sql`FROM ${SCORED_STATEMENTS} ${whereSql(filters, { charted: true })} AND ${key} IN (${join(seriesKeys)})`;
  const columns = sql`"id", "series", "date", "score", "label", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text", "features", "weightVersion"`;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT ${columns} FROM (
      SELECT "id", ${key} AS "series", ${period} AS "date", "score", "label", "text", "features", "weightVersion",
        ROW_NUMBER() OVER (PARTITION BY ${key}, ${period} ORDER BY ABS("score") DESC, "id" ASC) AS "rank"
      ${charted}
    ) ranked
    WHERE "rank" <= ${QUOTES_PER_POINT}
    ORDER BY "series", "date", "score"`);
  return quotesOf(db, rows);
}

/**
 * The statements of the given points (series and period start) with how many reports give each
 * and how many of them quote the speaker directly: the candidates to label a series' extremes
 * (lib/view/annotations.ts picks among them). Neutral statements are never candidates.
 */
export async function queryAnnotationCandidates(
  db: Db,
  filters: Filters,
  points: Array<{ series: string; date: string }>,
  resolution: Resolution,
): Promise<AnnotationCandidate[]> {
  if (points.length === 0) return [];
  const key = seriesKey(filters);
  const period = periodStartSql(db, sql`"date"`, resolution);
  const wanted = new Set(points.map((p) => `${p.series}|${p.date}`));
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT "id", "series", "date", "score", "label", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text", "features", "weightVersion",
      (SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "inPoint"."id") AS "sources",
      (SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "inPoint"."id" AND ss."direct" = TRUE) AS "directSources"
    FROM (
      SELECT "id", ${key} AS "series", ${period} AS "date", "score", "label", "text", "features", "weightVersion"
      FROM ${SCORED_STATEMENTS} ${whereSql(filters, { charted: true })}
        AND ${key} IN (${join([...new Set(points.map((p) => p.series))])}) AND "label" <> 'neutral'
    ) "inPoint"
    WHERE "date" IN (${join([...new Set(points.map((p) => p.date))])})`);
  const picked = rows.filter((r) => wanted.has(`${String(r.series)}|${String(r.date)}`));
  const quotes = await quotesOf(db, picked);
  return quotes.map((q, i) => ({ ...q, sources: num(picked[i].sources), directSources: num(picked[i].directSources) }));
}

async function quotesOf(db: Db, rows: Array<Record<string, unknown>>): Promise<PointQuote[]> {
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
