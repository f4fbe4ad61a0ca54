// The chart's rollups as stored, against what the statements say they must be.
import type { Db } from "../../lib/store/client";

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v);

/** The rollup as stored, and as a fresh GROUP BY over the statements computes it. */
export async function rollupAndTruth(db: Db): Promise<{ stored: string[]; truth: string[] }> {
  const line = (r: Row) => [r.speakerKey, r.speakerCountry ?? "", r.target ?? "", r.date, num(r.statements), num(r.scoreSum).toFixed(6), num(r.scoreMin), num(r.scoreMax)].join("|");
  const stored = await db.$queryRawUnsafe<Row[]>(`SELECT "speakerKey", "speakerCountry", "target", "date", "statements", "scoreSum", "scoreMin", "scoreMax" FROM "SeriesDay"`);
  const truth = await db.$queryRawUnsafe<Row[]>(
    `SELECT "speakerKey", "speakerCountry", "target", "date", COUNT(*) AS "statements", SUM("score") AS "scoreSum", MIN("score") AS "scoreMin", MAX("score") AS "scoreMax"
     FROM "Statement" JOIN "Scoring" ON "Scoring"."scoringId" = "Statement"."scoringId" WHERE "date" IS NOT NULL GROUP BY "speakerKey", "speakerCountry", "target", "date"`,
  );
  return { stored: stored.map(line).sort(), truth: truth.map(line).sort() };
}
