// Re-scoring the store with a weight set: each distinct pair of lexicon value and rule hits
// (a Scoring row) is scored again; statements keep pointing at their pair.
import { providerOf, type Db, type DbProvider } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import { dropSqliteIndexes, lockRollups, rebuildRollups } from "./rollups";
import { pairScorer } from "../score";
import type { StoredWeightSet } from "./rows";
import { chunks } from "./sql";
import type { Tx } from "./transactions";

/** Scoring rows per UPDATE of a re-score: the unit of progress that `afterPage` reports. */
const RESCORE_PAGE = 20_000;

/** Above this many pairs, a SQLite re-score rebuilds Scoring's score index instead of updating it (see dropSqliteIndexes). */
const REBUILD_SCORE_INDEX_ABOVE = 50_000;

/**
 * Re-scores, inside the caller's transaction, the statements not yet scored by
 * `weights.version` (all of them with `all`). Scores live in Scoring, one row per distinct pair
 * of lexicon value and rule hits, which statements share: each pair is scored once in the app
 * (lib/score) and written back a page of pairs at a time, and no statement is rewritten. Then
 * the chart's rollups are rebuilt. `afterPage` runs after each page with the number of pairs
 * re-scored so far (progress, or a failure injected by tests). Returns how many statements the
 * re-scored pairs hold.
 */
export async function rescoreWithin(
  tx: Tx,
  weights: StoredWeightSet,
  options: { all?: boolean; pageSize?: number; provider?: DbProvider; afterPage?: (done: number) => void | Promise<void> } = {},
): Promise<number> {
  const provider = options.provider ?? "sqlite";
  const pageSize = options.pageSize ?? RESCORE_PAGE;
  const pending = options.all ? Prisma.empty : Prisma.sql`WHERE "weightVersion" <> ${weights.version}`;
  // One JSON value instead of a row per pair: a store of real reports may hold a pair per few
  // statements, and Prisma maps each row apart. Every digit of the lexicon value: PostgreSQL's
  // text form of a double is exact, SQLite's own keeps 15.
  const [{ pairs: listed }] = await tx.$queryRaw<{ pairs: unknown }[]>(
    provider === "postgresql"
      ? Prisma.sql`SELECT COALESCE(JSON_AGG(JSON_BUILD_ARRAY("scoringId", CAST("lexicon" AS TEXT), "ruleValues")), '[]') AS "pairs" FROM "Scoring" ${pending}`
      : Prisma.sql`SELECT JSON_GROUP_ARRAY(JSON_ARRAY("scoringId", PRINTF('%!.17g', "lexicon"), "ruleValues")) AS "pairs" FROM "Scoring" ${pending}`,
  );
  const pairs = (typeof listed === "string" ? JSON.parse(listed) : listed) as Array<[number, string, string]>;
  if (pairs.length === 0) return 0;
  const [{ n: statements }] = await tx.$queryRaw<{ n: unknown }[]>(
    options.all
      ? Prisma.sql`SELECT COUNT(*) AS "n" FROM "Statement"`
      : Prisma.sql`SELECT COUNT(*) AS "n" FROM "Statement" WHERE "scoringId" IN (SELECT "scoringId" FROM "Scoring" ${pending})`,
  );
  const rebuilt = provider === "sqlite" && pairs.length > REBUILD_SCORE_INDEX_ABOVE ? await dropSqliteIndexes(tx, "Scoring", ["score"]) : [];
  const score = pairScorer(weights.weights);
  let done = 0;
  for (const page of chunks(pairs, pageSize)) {
    const scored = JSON.stringify(
      page.map(([scoringId, lexicon, ruleValues]) => {
        const s = score(Number(lexicon), ruleValues);
        return [scoringId, s.score, s.label, s.cameo];
      }),
    );
    await tx.$executeRaw(
      provider === "postgresql"
        ? Prisma.sql`UPDATE "Scoring" SET "score" = CAST(v.e ->> 1 AS DOUBLE PRECISION), "label" = v.e ->> 2, "cameo" = v.e ->> 3, "weightVersion" = ${weights.version}
            FROM JSON_ARRAY_ELEMENTS(CAST(${scored} AS JSON)) AS v(e) WHERE "scoringId" = CAST(v.e ->> 0 AS INTEGER)`
        : Prisma.sql`UPDATE "Scoring" SET "score" = v."value" ->> 1, "label" = v."value" ->> 2, "cameo" = v."value" ->> 3, "weightVersion" = ${weights.version}
            FROM JSON_EACH(${scored}) AS v WHERE "scoringId" = v."value" ->> 0`,
    );
    done += page.length;
    await options.afterPage?.(done);
  }
  for (const index of rebuilt) await tx.$executeRawUnsafe(index);
  await lockRollups(tx, provider);
  await rebuildRollups(tx, provider);
  return Number(statements);
}

/** Re-scores of fewer statements leave PostgreSQL's autovacuum enough time. */
const VACUUM_AFTER_RESCORE = 10_000;

/**
 * On PostgreSQL, a re-score leaves a dead version of every rollup row, and tables whose pages no
 * longer count as all-visible: until autovacuum comes round, the chart's index-only reads visit
 * the table. So a large re-score vacuums once it has committed (VACUUM cannot run in a transaction).
 */
export async function tidyAfterRescore(prisma: Db, rescored: number): Promise<void> {
  if (providerOf(prisma) !== "postgresql" || rescored < VACUUM_AFTER_RESCORE) return;
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE) "Scoring", "SeriesDay", "SeriesBucket"`);
}
