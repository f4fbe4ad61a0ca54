// The chart's daily rollup (model SeriesDay): per speaker, speaker country, target and day, how
// many dated statements there are and the sum, minimum and maximum of their scores. The chart
// aggregates these rows instead of every statement; the rows are derived data, rebuilt from
// Statement in the same transaction as every write that changes a dated statement's score,
// speaker, countries or day.
import { Prisma } from "./generated/prisma/sqlite/client";
import type { Tx } from "./store";

const sql = Prisma.sql;

export interface SeriesDayKey {
  speakerKey: string;
  date: string;
}

const INSERT = sql`INSERT INTO "SeriesDay" ("speakerKey", "speaker", "speakerCountry", "target", "date", "statements", "scoreSum", "scoreMin", "scoreMax")
  SELECT "speakerKey", MAX("speaker"), "speakerCountry", "target", "date", COUNT(*), SUM("score"), MIN("score"), MAX("score")
  FROM "Statement"`;
// In the column order of Statement_scoring_idx, so that the full rebuild reads that index in order.
const GROUP = sql`GROUP BY "date", "speakerKey", "speakerCountry", "target"`;

/** Keys per statement: two parameters each, far below either database's limit. */
const KEYS_PER_STATEMENT = 400;

/** Rebuilds the rollup rows of the given speaker-days (all of them when `keys` is omitted). */
export async function rebuildSeriesDays(tx: Tx, keys?: SeriesDayKey[]): Promise<void> {
  if (!keys) {
    await tx.$executeRaw(sql`DELETE FROM "SeriesDay"`);
    await tx.$executeRaw(sql`${INSERT} WHERE "date" IS NOT NULL ${GROUP}`);
    return;
  }
  const unique = [...new Map(keys.map((k) => [`${k.speakerKey}\n${k.date}`, k])).values()];
  for (let i = 0; i < unique.length; i += KEYS_PER_STATEMENT) {
    const part = unique.slice(i, i + KEYS_PER_STATEMENT);
    const match = Prisma.join(
      part.map((k) => sql`("speakerKey" = ${k.speakerKey} AND "date" = ${k.date})`),
      " OR ",
    );
    await tx.$executeRaw(sql`DELETE FROM "SeriesDay" WHERE ${match}`);
    await tx.$executeRaw(sql`${INSERT} WHERE ${match} ${GROUP}`);
  }
}
