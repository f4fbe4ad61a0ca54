// Choices offered by the filter form: the speakers and dyads in the store and its span of dates.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Db } from "../store/client";
import { emptyFilters } from "./filters";
import { compareText } from "./series";
import type { ISODate } from "../core/types";
import { dyadOfKey, dyadParam } from "../core/dyad";
import { countStatements } from "./statements";
import { num } from "./raw-values";

const sql = Prisma.sql;

export interface FilterChoices {
  speakers: Array<{ name: string; statements: number }>;
  dyads: Array<{ country: string; target: string; statements: number }>;
  firstDate: ISODate | null;
  lastDate: ISODate | null;
  statements: number;
}

/**
 * Speakers and dyads in the store, busiest first, with the span of known dates. Read from the
 * chart's whole-history rows (dated statements) plus the statements without a day, which the
 * scoring index lists together at its start: counting every statement per speaker would read
 * the whole store on every load of the dashboard.
 */
export async function filterChoices(db: Db, limit = 200): Promise<FilterChoices> {
  const [lines, undated, dated, statements] = await Promise.all([
    db.$queryRaw<Array<{ mode: string; key: string; speaker: string | null; n: unknown }>>(sql`
      SELECT "mode", "key", "speaker", "statements" AS "n" FROM "SeriesBucket" WHERE "mode" IN ('speaker', 'dyad') AND "period" = 'all'`),
    db.$queryRaw<Array<{ speakerKey: string; speaker: string | null; speakerCountry: string | null; target: string | null; first: string | null; last: string | null; n: unknown }>>(sql`
      SELECT "speakerKey", MAX("speaker") AS "speaker", "speakerCountry", "target", MIN("dateFrom") AS "first", MAX("dateTo") AS "last", COUNT(*) AS "n"
      FROM "Statement" WHERE "date" IS NULL GROUP BY "speakerKey", "speakerCountry", "target"`),
    // One subquery per end: each is a single seek of the day index.
    db.$queryRaw<Array<{ first: string | null; last: string | null }>>(sql`
      SELECT (SELECT MIN("date") FROM "Statement") AS "first", (SELECT MAX("date") FROM "Statement") AS "last"`),
    countStatements(db, emptyFilters()),
  ]);
  const speakers = new Tally();
  const dyads = new Tally();
  for (const line of lines) (line.mode === "speaker" ? speakers : dyads).add(line.key, line.speaker, num(line.n));
  for (const group of undated) {
    if (group.speakerKey !== "") speakers.add(group.speakerKey, group.speaker, num(group.n));
    if (group.speakerCountry !== null && group.target !== null) dyads.add(dyadParam({ country: group.speakerCountry, target: group.target }), null, num(group.n));
  }
  const days = [dated[0]?.first, dated[0]?.last, ...undated.flatMap((g) => [g.first, g.last])].filter((day): day is string => typeof day === "string");
  return {
    speakers: speakers.busiest(limit).map((s) => ({ name: s.name ?? s.key, statements: s.count })),
    dyads: dyads
      .busiest(limit, (a, b) => {
        const [x, y] = [dyadOfKey(a), dyadOfKey(b)];
        return compareText(x.country, y.country) || compareText(x.target, y.target);
      })
      .map((d) => ({ ...dyadOfKey(d.key), statements: d.count })),
    firstDate: days.length ? days.reduce((a, b) => (b < a ? b : a)) : null,
    lastDate: days.length ? days.reduce((a, b) => (b > a ? b : a)) : null,
    statements,
  };
}

/** Counts per key with the greatest name seen (as MAX() picks it); busiest first, then by key. */
class Tally {
  private readonly entries = new Map<string, { key: string; name: string | null; count: number }>();

  add(key: string, name: string | null, count: number): void {
    const entry = this.entries.get(key);
    if (!entry) this.entries.set(key, { key, name, count });
    else {
      entry.count += count;
      if (name !== null && (entry.name === null || name > entry.name)) entry.name = name;
    }
  }

  busiest(limit: number, compareKeys: (a: string, b: string) => number = compareText) {
    return [...this.entries.values()].sort((a, b) => b.count - a.count || compareKeys(a.key, b.key)).slice(0, limit);
  }
}
