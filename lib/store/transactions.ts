// The store's write transactions: their limits, the bulk writer where a client has one, and
// running one again after a failure another writer caused.
import { sqliteWriterOf, type Db } from "./client";
import type { Prisma } from "../generated/prisma/sqlite/client";
import type { RawTx } from "./bulk-writer";

export type Tx = Prisma.TransactionClient;

/** Interactive transactions: generous limits, a batch may hold many articles. */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 10 * 60_000 } as const;

/** Errors after which running the same transaction again may succeed, and is harmless. */
export function isTransient(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e || typeof e !== "object") return false;
  // P2002: a concurrent writer inserted the same unique key; P2034: write conflict or deadlock;
  // P1008: SQLite gave up waiting for another process's write lock.
  if (e.code === "P2002" || e.code === "P2034" || e.code === "P1008") return true;
  return /SQLITE_BUSY|database is locked|Operation has timed out|deadlock detected|could not serialize|duplicate key value/i.test(String(e.message ?? ""));
}

/**
 * Runs `work` (a whole transaction) again after a transient failure: ingest is idempotent, so a
 * retry after another process stored part of the same input just finds that part stored.
 */
export async function withRetries<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/**
 * A write transaction: on the client's SQLite bulk writer when it has one (see
 * lib/store/bulk-writer.ts), otherwise a Prisma interactive transaction. Both run the same SQL.
 */
export function writeTransaction<T>(prisma: Db, work: (tx: RawTx) => Promise<T>): Promise<T> {
  const writer = sqliteWriterOf(prisma);
  return writer ? writer.transaction(work) : prisma.$transaction((tx) => work(tx), TX_OPTIONS);
}
