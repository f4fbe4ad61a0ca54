// The chart's lines read from the store's rollups (SeriesDay per day, SeriesBucket per week,
// month and whole history) instead of from their statements.
import { providerOf, type Db } from "../store/client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Filters, Resolution } from "./filters";
import { speakerKey } from "../ingest/merge";
import { lineDaysFrom, lineKeyOfDay, lineKeyValues, lineRowsFromDays, onListedLine, rowIn } from "../store/rollups";
import { addDays, nextPeriod, wholePeriods } from "../core/days";
import { dyadsSql } from "./filter-sql";

const sql = Prisma.sql;
const join = Prisma.join;

const LINE_COLUMNS = {
  ranking: sql`"key", "speaker", "statements"`,
  all: sql`"mode", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax"`,
};

/** Conditions on SeriesDay for the filters' lines (those of `keys` when given) and the days from `from` to `to`. */
function lineDayConditions(filters: Filters, keys: string[] | undefined, from: string | null, to: string | null): Prisma.Sql | undefined {
  const conditions: Prisma.Sql[] = [];
  if (keys) {
    conditions.push(
      filters.by === "dyad" ? rowIn(["speakerCountry", "target"], keys.map((key) => lineKeyValues("dyad", key))) : sql`"speakerKey" IN (${join(keys)})`,
    );
  }
  if (filters.speakers.length) conditions.push(sql`"speakerKey" IN (${join(filters.speakers.map(speakerKey))})`);
  if (filters.dyads.length) conditions.push(dyadsSql(filters.dyads));
  if (from) conditions.push(sql`"date" >= ${from}`);
  if (to) conditions.push(sql`"date" <= ${to}`);
  return conditions.length ? join(conditions, " AND ") : undefined;
}

/**
 * The first and last day of the lines of `keys` under the filters: each line's ends are one
 * seek of its covering SeriesDay index (a MIN and MAX over all their days read them all).
 */
export function lineSpanSql(filters: Filters, keys: string[]): Prisma.Sql {
  const others = lineDayConditions(filters, undefined, filters.from, filters.to);
  const onLine = onListedLine(filters.by);
  const days = lineDaysFrom(filters.by, { condition: others ? sql`${onLine} AND ${others}` : onLine });
  const lines = keys.map((key) => sql`(${join(lineKeyValues(filters.by, key))})`);
  return sql`SELECT MIN("first") AS "first", MAX("last") AS "last" FROM (
    SELECT (SELECT MIN("date") ${days}) AS "first", (SELECT MAX("date") ${days}) AS "last"
    FROM (VALUES ${join(lines)}) AS m) "ends"`;
}

/**
 * The chart's lines' rows for the filters: days (summed from SeriesDay), or the whole weeks or
 * months of the date range (SeriesBucket) and the days around them, or ("all") each line's whole
 * history when no date range is set and months otherwise. Each period is its own SELECT so that
 * each reads one index range.
 */
export function lineRowsSql(db: Db, filters: Filters, longest: Resolution | "all", options: { columns: keyof typeof LINE_COLUMNS; keys?: string[] }): Prisma.Sql {
  const mode = filters.by;
  const periods: Prisma.Sql[] = [sql`"mode" = ${mode}`];
  if (options.keys) periods.push(sql`"key" IN (${join(options.keys)})`);
  if (filters.speakers.length) periods.push(sql`"key" IN (${join(filters.speakers.map(speakerKey))})`);
  if (filters.dyads.length) periods.push(dyadsSql(filters.dyads));
  const select = (period: Resolution | "all", from: string | null, to: string | null) => {
    if (period === "day") {
      const days = { condition: lineDayConditions(filters, options.keys, from, to) };
      // Ranking sums whole lines: the days need no grouping of their own.
      if (options.columns === "ranking") return sql`SELECT ${lineKeyOfDay(mode)} AS "key", "speaker", "statements" ${lineDaysFrom(mode, days)}`;
      return sql`SELECT ${LINE_COLUMNS[options.columns]} FROM (${lineRowsFromDays(providerOf(db), mode, "day", days)}) "days"`;
    }
    const range = [...(from ? [sql`"start" >= ${from}`] : []), ...(to ? [sql`"start" <= ${to}`] : [])];
    return sql`SELECT ${LINE_COLUMNS[options.columns]} FROM "SeriesBucket" WHERE ${join([...periods, sql`"period" = ${period}`, ...range], " AND ")}`;
  };
  if (longest === "all") {
    if (!filters.from && !filters.to) return sql`FROM (${select("all", null, null)}) "lines"`;
    longest = "month";
  }
  const whole = longest === "day" ? null : wholePeriods(filters.from, filters.to, longest);
  if (!whole) return sql`FROM (${select("day", filters.from, filters.to)}) "lines"`;
  const parts = [select(longest, whole.first, whole.last)];
  if (whole.first && filters.from && filters.from < whole.first) parts.push(select("day", filters.from, addDays(whole.first, -1)));
  const afterLast = whole.last ? nextPeriod(whole.last, longest) : null;
  if (afterLast && filters.to && filters.to >= afterLast) parts.push(select("day", afterLast, filters.to));
  return sql`FROM (${join(parts, " UNION ALL ")}) "lines"`;
}
