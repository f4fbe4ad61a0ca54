// Storing what the pipeline produced: a batch's articles, its statements merged into the ones
// already stored where they are the same utterance (lib/ingest/merge.ts decides that), their
// sources, and the chart's rollups of the days they touch. No NLP here; scores come from lib/score.
import { providerOf, type Db, type DbProvider } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { BatchResult } from "../ingest/batch";
import type { Statement } from "../core/types";
import { speakerKey } from "../ingest/merge";
import { lockRollups, queueRollups, rebuildPendingRollups, takeSqliteWriteLock, type RollupKey } from "./rollups";
import type { RawTx } from "./bulk-writer";
import { articleIdOf, insertArticles, type BatchArticles } from "./articles";
import { matchStored, type Written } from "./match";
import { sourceRow, sourceRowKey, statementRow, type StoredWeightSet } from "./rows";
import { pairKey, scoringIdsOf, scoringPairOf } from "./scoring";
import { chunks, INSERT_ROWS, insertRows } from "./sql";
import { withRetries, writeTransaction } from "./transactions";
import { getActiveWeights } from "./weight-sets";

export interface IngestSummary {
  articles: { new: number; skipped: number; rejected: number };
  statements: { new: number; merged: number };
}

/**
 * Stores one analyzed batch in a single transaction: either all of it goes in or
 * nothing changes.
 *
 * - Articles are identified by contentHash; one already stored (or repeated within
 *   the batch) is skipped, and statements reported only by skipped articles are
 *   left alone, so re-ingesting an article is a no-op.
 * - A statement that is the same utterance as a stored one (or as one written earlier
 *   in the batch) is merged into it (sources added; text, dates, features and score
 *   updated), otherwise created.
 * - Scores come from `weights` (default: the active weight set).
 * - When `signal` has aborted by the end of the transaction, it rolls back and the abort is thrown.
 * - Several processes may ingest into one store at once: on PostgreSQL they queue on
 *   advisory locks (lockBatchKeys), SQLite admits one writer; a transaction that loses
 *   a race anyway is retried and then finds the other's rows.
 *
 * - The chart's rollups of the touched days, and of any days still queued by deferred writes,
 *   are rebuilt in the same transaction, unless `deferRollups`: then the days are queued for
 *   flushPendingRollups, which a bulk ingest runs every so often, so that days touched by many
 *   batches are rebuilt once.
 *
 * Rows go in with multi-row INSERTs: a batch costs a few queries plus one candidate
 * lookup per statement.
 */
export async function ingestBatch(
  prisma: Db,
  result: BatchResult,
  options: { weights?: StoredWeightSet; deferRollups?: boolean; signal?: AbortSignal } = {},
): Promise<IngestSummary> {
  const active = options.weights ?? (await getActiveWeights(prisma));
  const provider = providerOf(prisma);
  return withRetries(() =>
    writeTransaction(prisma, async (tx) => {
      const summary = await ingestWithin(tx, provider, result, active, options.deferRollups ?? false);
      // Checked last, inside the transaction: a client that went away while its upload was
      // being stored must find nothing stored, so the abort rolls everything back.
      options.signal?.throwIfAborted();
      return summary;
    }),
  );
}

/** Rebuilds the rollups of the days that deferred ingests queued; returns how many keys there were. */
export async function flushPendingRollups(prisma: Db): Promise<number> {
  return withRetries(() =>
    writeTransaction(prisma, async (tx) => {
      await lockRollups(tx, providerOf(prisma));
      return rebuildPendingRollups(tx, providerOf(prisma));
    }),
  );
}

async function ingestWithin(tx: RawTx, provider: DbProvider, result: BatchResult, active: StoredWeightSet, deferRollups: boolean): Promise<IngestSummary> {
  await lockBatch(tx, provider, result.articles.map((a) => a.contentHash), result.statements);
  const articles = await insertArticles(tx, provider, result.articles);
  // Only reports from articles new to the store change anything.
  const incoming = result.statements.filter((s) => s.sources.some((source) => articles.fresh.has(source.articleHash)));
  const { statements } = await writeIncoming(tx, provider, incoming, articles, active, { deferRollups });
  return {
    articles: { new: articles.fresh.size, skipped: articles.skipped, rejected: result.rejected.length },
    statements,
  };
}

/**
 * Writes `incoming` (statements whose sources are reports of `articles` or of stored articles):
 * each merged into the stored statement that is the same utterance, or added; with their sources
 * and Scoring pairs (new pairs scored by `active`). Then the rollups of every day they, the
 * statements they merged into and `touched` were on (see updateRollups). Returns how many were
 * new and merged, and the statements as written.
 */
export async function writeIncoming(
  tx: RawTx,
  provider: DbProvider,
  incoming: Statement[],
  articles: BatchArticles,
  active: StoredWeightSet,
  options: { deferRollups?: boolean; touched?: Statement[] } = {},
): Promise<{ statements: IngestSummary["statements"]; written: Statement[] }> {
  const matched = await matchStored(tx, incoming);
  const written = [...matched.written.values()];
  await writeStatements(tx, provider, written, active);
  await writeSources(tx, provider, written, articles, matched.storedSources);
  await updateRollups(tx, provider, [...(options.touched ?? []), ...matched.touched, ...written.map((w) => w.statement)], options.deferRollups ?? false);
  return { statements: matched.statements, written: written.map((w) => w.statement) };
}

/**
 * Keeps other ingests out of what a write decides on: SQLite's write lock, or on PostgreSQL
 * locks on the articles (content hashes) and the statements' speakers (see lockBatchKeys).
 */
export async function lockBatch(tx: RawTx, provider: DbProvider, articleHashes: string[], statements: Array<Pick<Statement, "id" | "speaker">>): Promise<void> {
  if (provider !== "postgresql") return takeSqliteWriteLock(tx);
  const keys = [
    ...articleHashes.map((hash) => `article:${hash}`),
    ...statements.map((s) => (speakerKey(s.speaker) ? `speaker:${speakerKey(s.speaker)}` : `statement:${s.id}`)),
  ];
  await lockBatchKeys(tx, [...new Set(keys)]);
}

/**
 * Advisory locks (PostgreSQL) on every article hash and speaker a batch touches, taken in one
 * sorted order so that concurrent ingest processes queue instead of deadlocking. Two processes
 * then never both decide that the same article or utterance is new. SQLite needs none: it
 * admits one writer at a time.
 */
async function lockBatchKeys(tx: RawTx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.$executeRawUnsafe(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS ordered`,
    keys,
  );
}

/** Inserts the new statements and updates the merged ones, each with its Scoring row (scored by `weights` when new). */
async function writeStatements(tx: RawTx, provider: DbProvider, written: Written[], weights: StoredWeightSet): Promise<void> {
  const scoringIds = await scoringIdsOf(tx, provider, written.map((w) => scoringPairOf(w.statement.features)), weights);
  for (const part of chunks(written.filter((w) => w.isNew), INSERT_ROWS)) {
    await insertRows(tx, provider, "Statement", part.map((w) => statementRowOf(w.statement, scoringIds)), { json: ["features"], updatedAt: true });
  }
  for (const part of chunks(written.filter((w) => !w.isNew), INSERT_ROWS)) {
    await insertRows(tx, provider, "Statement", part.map((w) => statementRowOf(w.statement, scoringIds)), { json: ["features"], updatedAt: true, updateOnConflict: ["id"] });
  }
}

/** The Statement row of `statement`, on its pair's Scoring row. */
function statementRowOf(statement: Statement, scoringIds: Map<string, number>) {
  return statementRow(statement, scoringIds.get(pairKey(scoringPairOf(statement.features)))!);
}

/**
 * Writes the sources of the written statements, but those read from the store (`storedSources`).
 * Sources from new articles cannot be stored yet: insert them. Those from stored articles that
 * were not read from the store (a report of a re-ingested article, carried along by a merge) may
 * be: upsert them.
 */
async function writeSources(tx: RawTx, provider: DbProvider, written: Written[], articles: BatchArticles, storedSources: Set<string>): Promise<void> {
  const inserts = new Map<string, Prisma.StatementSourceCreateManyInput>();
  const upserts = new Map<string, Prisma.StatementSourceCreateManyInput>();
  for (const { statement } of written) {
    for (const source of statement.sources) {
      const key = sourceRowKey(statement.id, source);
      if (storedSources.has(key)) continue;
      const row = sourceRow(statement.id, await articleIdOf(tx, articles, statement.id, source), source);
      (articles.fresh.has(source.articleHash) ? inserts : upserts).set(key, row);
    }
  }
  for (const part of chunks([...inserts.values()], INSERT_ROWS)) await insertRows(tx, provider, "StatementSource", part);
  for (const part of chunks([...upserts.values()], INSERT_ROWS)) {
    await insertRows(tx, provider, "StatementSource", part, { updateOnConflict: ["statementId", "articleId", "quote"] });
  }
}

/**
 * Rebuilds (or with `deferRollups` queues) the rollups of the days of `statements` (those with a
 * day). Rebuilding takes the days earlier deferred writes queued along: whatever a bulk ingest
 * that died left behind goes with the next write of any kind.
 */
async function updateRollups(tx: RawTx, provider: DbProvider, statements: Statement[], deferRollups: boolean): Promise<void> {
  const days: RollupKey[] = statements
    .filter((s) => s.date)
    .map((s) => ({ speakerKey: speakerKey(s.speaker), speakerCountry: s.speakerCountry, target: s.target, date: s.date! }));
  if (deferRollups) {
    await queueRollups(tx, days);
  } else {
    await lockRollups(tx, provider);
    await rebuildPendingRollups(tx, provider, days);
  }
}
