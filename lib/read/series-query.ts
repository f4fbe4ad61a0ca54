// The chart's series and points for a set of filters, aggregated in the database.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Db } from "../store/client";
import type { Filters, Resolution } from "./filters";
import { autoResolution, compareText, round2, type SeriesInfo, type SeriesPoint } from "./series";
import { combinedLineColumns, SCORED_STATEMENTS } from "../store/rollups";
import { dyadLabel, dyadOfKey } from "../core/dyad";
import { whereSql } from "./filter-sql";
import { periodStartSql, seriesKey } from "./series-sql";
import { lineRowsSql, lineSpanSql } from "./series-rollups";
import { num, str } from "./raw-values";

const sql = Prisma.sql;
const join = Prisma.join;

export interface SeriesResult {
  series: SeriesInfo[];
  points: SeriesPoint[];
  /** Series matching the filters but beyond `top`. */
  omittedSeries: number;
  /** Statements behind the plotted points. */
  chartedStatements: number;
  /** How long one point is (filters.resolution, with "auto" resolved). */
  resolution: Resolution;
}

type ChartSource = "lines" | "days" | "statements";

/**
 * Where the chart's numbers come from, the cheapest that can answer the filters (all give the
 * same numbers): the per-line rollup unless a filter cuts across lines (a speaker filter on dyad
 * lines, a dyad filter on speaker lines), the per-day rollup unless a filter looks inside
 * statements (label, text), and otherwise the statements themselves.
 */
function chartSourceOf(filters: Filters): ChartSource {
  if (filters.labels.length > 0 || filters.q) return "statements";
  const crossing = filters.by === "dyad" ? filters.speakers.length > 0 : filters.dyads.length > 0;
  return crossing ? "days" : "lines";
}

/** The busiest `filters.top` series and their mean scores per day, week or month. */
export async function querySeries(db: Db, filters: Filters): Promise<SeriesResult> {
  const source = chartSourceOf(filters);
  const key = source === "lines" ? sql`"key"` : seriesKey(filters);
  const where = whereSql(filters, { charted: true });
  const table = source === "statements" ? SCORED_STATEMENTS : sql`"SeriesDay"`;
  const count = source === "statements" ? sql`COUNT(*)` : sql`SUM("statements")`;
  // Ranking counts statements only; a series' points are counted from the points below.
  const ranked = await db.$queryRaw<Array<{ key: string; speaker: string | null; n: unknown }>>(
    source === "lines"
      ? sql`SELECT "key", MAX("speaker") AS "speaker", SUM("statements") AS "n" ${lineRowsSql(db, filters, "all", { columns: "ranking" })}
          GROUP BY "key" ORDER BY SUM("statements") DESC, "key" ASC`
      : sql`SELECT ${key} AS "key", MAX("speaker") AS "speaker", ${count} AS "n" FROM ${table} ${where}
          GROUP BY ${key} ORDER BY ${count} DESC, ${key} ASC`,
  );
  const top = ranked.slice(0, filters.top);
  const series: SeriesInfo[] = top.map((r) => ({
    key: r.key,
    label: filters.by === "dyad" ? dyadLabelOf(r.key) : (r.speaker ?? r.key),
    statements: num(r.n),
    days: 0,
  }));
  const requested = filters.resolution === "auto" ? null : filters.resolution;
  if (series.length === 0) return { series, points: [], omittedSeries: 0, chartedStatements: 0, resolution: requested ?? "day" };
  const topKeys = series.map((s) => s.key);
  const keys = join(topKeys);

  let resolution = requested;
  if (!resolution) {
    const [span] = await db.$queryRaw<Array<{ first: string | null; last: string | null }>>(
      source === "lines"
        ? lineSpanSql(filters, topKeys)
        : sql`SELECT MIN("date") AS "first", MAX("date") AS "last" FROM ${table} ${where} AND ${key} IN (${keys})`,
    );
    resolution = autoResolution(span?.first ?? null, span?.last ?? null);
  }

  let rows: Array<Record<string, unknown>>;
  if (source === "lines") {
    const lineRows = lineRowsSql(db, filters, resolution, { columns: "all", keys: topKeys });
    if (!filters.from && !filters.to) {
      // Without a date range every row read is a whole period's, dated by its first day, and
      // already holds the only speaker, country and target or null: it is the point as stored,
      // read in index order (sorting or grouping the rows would cost more than reading them).
      rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
        SELECT "start" AS "date", "key" AS "series", "speaker", "speakerCountry", "target",
          "scoreSum" / "statements" AS "index", "statements", "scoreMin" AS "min", "scoreMax" AS "max"
        ${lineRows}`);
    } else {
      const period = periodStartSql(db, sql`"start"`, resolution);
      const c = combinedLineColumns();
      rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
        SELECT ${period} AS "date", "key" AS "series", ${c.speaker} AS "speaker", ${c.country.value} AS "speakerCountry", ${c.target.value} AS "target",
          SUM("scoreSum") / SUM("statements") AS "index", SUM("statements") AS "statements", MIN("scoreMin") AS "min", MAX("scoreMax") AS "max"
        ${lineRows}
        GROUP BY "key", ${period}`);
    }
  } else {
    const period = periodStartSql(db, sql`"date"`, resolution);
    const values =
      source === "statements"
        ? { index: sql`AVG("score")`, min: sql`MIN("score")`, max: sql`MAX("score")` }
        : { index: sql`SUM("scoreSum") / SUM("statements")`, min: sql`MIN("scoreMin")`, max: sql`MAX("scoreMax")` };
    rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${period} AS "date", ${key} AS "series",
        CASE WHEN COUNT(DISTINCT "speakerKey") = 1 THEN MAX("speaker") END AS "speaker",
        CASE WHEN COUNT(DISTINCT "speakerCountry") = 1 THEN MAX("speakerCountry") END AS "speakerCountry",
        CASE WHEN COUNT(DISTINCT "target") = 1 THEN MAX("target") END AS "target",
        ${values.index} AS "index", ${count} AS "statements", ${values.min} AS "min", ${values.max} AS "max"
      FROM ${table} ${where} AND ${key} IN (${keys})
      GROUP BY ${period}, ${key}`);
  }
  const points: SeriesPoint[] = rows.map((r) => ({
    date: String(r.date),
    series: String(r.series),
    speaker: str(r.speaker),
    speakerCountry: str(r.speakerCountry),
    target: str(r.target),
    index: round2(num(r.index)),
    statements: num(r.statements),
    min: num(r.min),
    max: num(r.max),
  }));
  // In the app, not in SQL: the rollup's rows come in index order, and a few thousand points sort in no time.
  points.sort(byDateThenSeries);
  const pointsPerSeries = new Map<string, number>();
  for (const p of points) pointsPerSeries.set(p.series, (pointsPerSeries.get(p.series) ?? 0) + 1);
  for (const info of series) info.days = pointsPerSeries.get(info.key) ?? 0;
  return {
    series,
    points,
    omittedSeries: ranked.length - top.length,
    chartedStatements: series.reduce((sum, s) => sum + s.statements, 0),
    resolution,
  };
}

const byDateThenSeries = (a: SeriesPoint, b: SeriesPoint) => compareText(a.date, b.date) || compareText(a.series, b.series);

function dyadLabelOf(key: string): string {
  return dyadLabel(dyadOfKey(key));
}
