// How far the chart lags the statements: a bulk ingest queues the days it touched in
// RollupPending and rebuilds their rollups a few transactions later (or, when it was killed, the
// next write or start does). Until then the chart misses or miscounts those days' statements.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Db } from "../store/client";
import { num } from "./raw-values";

/**
 * The dated statements on a queued speaker and day: the ones the chart may not show yet. Reads the
 * queue (empty but while a bulk ingest runs or after one died) and each queued day's statements
 * through the (speakerKey, date) index, never the whole store.
 */
export async function unchartedStatements(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: unknown }>>(Prisma.sql`
    SELECT COUNT(*) AS "n" FROM (SELECT DISTINCT "speakerKey", "date" FROM "RollupPending") p
    JOIN "Statement" s ON s."speakerKey" = p."speakerKey" AND s."date" = p."date"`);
  return num(row?.n);
}
