// Storing what the pipeline produced: a batch's articles, its statements merged into the ones
// already stored where they are the same utterance (lib/ingest/merge.ts decides that), their
// sources, and the chart's rollups of the days they touch. No NLP here; scores come from lib/score.
import { providerOf, type Db } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { BatchResult } from "../ingest/batch";
import type { ParsedArticle, Statement, StatementSource } from "../core/types";
import { isSameUtterance, mergeStatements, speakerKey } from "../ingest/merge";
import { lockRollups, queueRollups, rebuildPendingRollups, rebuildRollups, takeSqliteWriteLock, type RollupKey } from "./rollups";
import type { RawTx } from "./bulk-writer";
import { candidatesFor } from "./candidates";
import { sourceRowKey, statementColumns, type StoredWeightSet } from "./rows";
import { pairKey, scoringIdsOf, scoringPairOf } from "./scoring";
import { chunks, INSERT_ROWS, insertRows } from "./sql";
import { readStatements } from "./statements";
import { withRetries, writeTransaction } from "./transactions";
import { getActiveWeights } from "./weight-sets";

export interface IngestSummary {
  articles: { new: number; skipped: number; rejected: number };
  statements: { new: number; merged: number };
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
 * - Several processes may ingest into one store at once: on PostgreSQL they queue on
 *   advisory locks (lockBatchKeys), SQLite admits one writer; a transaction that loses
 *   a race anyway is retried and then finds the other's rows.
 *
 * - The chart's rollups of the touched days are rebuilt in the same transaction, unless
 *   `deferRollups`: then the days are queued for flushPendingRollups, which a bulk ingest
 *   runs every so often, so that days touched by many batches are rebuilt once.
 *
 * Rows go in with multi-row INSERTs: a batch costs a few queries plus one candidate
 * lookup per statement.
 */
export async function ingestBatch(prisma: Db, result: BatchResult, options: { weights?: StoredWeightSet; deferRollups?: boolean } = {}): Promise<IngestSummary> {
  const active = options.weights ?? (await getActiveWeights(prisma));
  const postgres = providerOf(prisma) === "postgresql";
  return withRetries(() => writeTransaction(prisma, (tx) => ingestWithin(tx, result, active, postgres, options.deferRollups ?? false)));
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

async function ingestWithin(tx: RawTx, result: BatchResult, active: StoredWeightSet, postgres: boolean, deferRollups: boolean): Promise<IngestSummary> {
  const provider = postgres ? "postgresql" : "sqlite";
  const summary: IngestSummary = {
    articles: { new: 0, skipped: 0, rejected: result.rejected.length },
    statements: { new: 0, merged: 0 },
  };
  if (!postgres) {
    await takeSqliteWriteLock(tx);
  } else {
    const keys = [
      ...result.articles.map((a) => `article:${a.contentHash}`),
      ...result.statements.map((s) => (speakerKey(s.speaker) ? `speaker:${speakerKey(s.speaker)}` : `statement:${s.id}`)),
    ];
    await lockBatchKeys(tx, [...new Set(keys)]);
  }

  // Articles: skip the stored ones, insert the rest at once.
  const articleIds = await storedArticleIds(tx, [...new Set(result.articles.map((a) => a.contentHash))]);
  const fresh = new Map<string, ParsedArticle>();
  for (const a of result.articles) {
    if (articleIds.has(a.contentHash) || fresh.has(a.contentHash)) summary.articles.skipped++;
    else fresh.set(a.contentHash, a);
  }
  for (const part of chunks([...fresh.values()], INSERT_ROWS)) {
    const rows = await insertRows<{ id: number; contentHash: string }>(
      tx,
      provider,
      "Article",
      part.map((a) => ({
        contentHash: a.contentHash,
        path: a.path,
        title: a.title,
        source: a.source,
        url: a.url,
        published: a.published,
        publishedFrom: a.publishedFrom,
        paragraphs: a.paragraphs,
      })),
      { json: ["paragraphs"], returning: ["id", "contentHash"] },
    );
    for (const row of rows) articleIds.set(row.contentHash, Number(row.id));
  }
  summary.articles.new = fresh.size;

  // Only reports from articles new to the store change anything.
  const incoming = result.statements.filter((s) => s.sources.some((source) => fresh.has(source.articleHash)));
  // Sources read from the store with their statements: written back unchanged, so not written.
  const storedSources = new Set<string>();
  const load = async (ids: string[]): Promise<Statement[]> => {
    const statements = await readStatements(tx, ids);
    for (const statement of statements) for (const source of statement.sources) storedSources.add(sourceRowKey(statement.id, source));
    return statements;
  };
  const storedById = new Map<string, Statement>();
  for (const part of chunks(incoming.map((s) => s.id))) for (const statement of await load(part)) storedById.set(statement.id, statement);

  // What this batch writes, in the order last touched: the newest are the first candidates.
  // Only a speaker's own statements can be the same utterance, so each speaker's are listed apart.
  const written = new Map<string, { statement: Statement; isNew: boolean }>();
  const writtenBySpeaker = new Map<string, string[]>();
  const write = (id: string, entry: { statement: Statement; isNew: boolean }) => {
    written.delete(id);
    written.set(id, entry);
    const key = speakerKey(entry.statement.speaker);
    if (!key) return;
    const ids = (writtenBySpeaker.get(key) ?? []).filter((other) => other !== id);
    ids.push(id);
    writtenBySpeaker.set(key, ids);
  };
  const findSame = async (s: Statement): Promise<Statement | null> => {
    const byId = written.get(s.id)?.statement ?? storedById.get(s.id);
    if (byId) return byId;
    const sameSpeaker = writtenBySpeaker.get(speakerKey(s.speaker)) ?? [];
    for (let i = sameSpeaker.length - 1; i >= 0; i--) {
      const other = written.get(sameSpeaker[i])!.statement;
      if (isSameUtterance(other, s)) return other;
    }
    const match = (candidates.get(s.id) ?? []).find((stored) => !written.has(stored.id) && isSameUtterance(stored, s));
    if (!match) return null;
    // Candidates carry only what matching reads: merging needs the whole statement.
    const [full] = await load([match.id]);
    return full ?? null;
  };
  const candidates = await candidatesFor(
    tx,
    incoming.filter((s) => !storedById.has(s.id)),
  );
  const touchedDays: RollupKey[] = [];
  const touch = (s: Statement) => {
    if (s.date) touchedDays.push({ speakerKey: speakerKey(s.speaker), speakerCountry: s.speakerCountry, target: s.target, date: s.date });
  };
  for (const s of incoming) {
    const stored = await findSame(s);
    touch(s);
    if (stored) {
      touch(stored);
      write(stored.id, { statement: { ...mergeStatements(stored, s), id: stored.id }, isNew: written.get(stored.id)?.isNew ?? false });
      summary.statements.merged++;
    } else {
      write(s.id, { statement: s, isNew: true });
      summary.statements.new++;
    }
  }

  const articleIdOf = async (statementId: string, source: StatementSource): Promise<number> => {
    let id = articleIds.get(source.articleHash);
    if (id === undefined) {
      id = (await storedArticleIds(tx, [source.articleHash])).get(source.articleHash);
      if (id === undefined) throw new Error(`statement ${statementId}: source article ${source.articleHash} (${source.path}) is neither in this batch nor in the store`);
      articleIds.set(source.articleHash, id);
    }
    return id;
  };
  const all = [...written.values()];
  const scoringIds = await scoringIdsOf(tx, provider, all.map((w) => scoringPairOf(w.statement.features)), active);
  const columnsOf = (w: { statement: Statement }) => ({ id: w.statement.id, ...statementColumns(w.statement, scoringIds.get(pairKey(scoringPairOf(w.statement.features)))!) });
  for (const part of chunks(all.filter((w) => w.isNew), INSERT_ROWS)) {
    await insertRows(tx, provider, "Statement", part.map(columnsOf), { json: ["features"], updatedAt: true });
  }
  for (const part of chunks(all.filter((w) => !w.isNew), INSERT_ROWS)) {
    await insertRows(tx, provider, "Statement", part.map(columnsOf), { json: ["features"], updatedAt: true, updateOnConflict: ["id"] });
  }
  // Sources from new articles cannot be stored yet: insert them. Those from stored articles
  // that were not read from the store (a report of a re-ingested article, carried along by a
  // merge) may be: upsert them.
  const inserts = new Map<string, Prisma.StatementSourceCreateManyInput>();
  const upserts = new Map<string, Prisma.StatementSourceCreateManyInput>();
  for (const { statement } of all) {
    for (const source of statement.sources) {
      const key = sourceRowKey(statement.id, source);
      if (storedSources.has(key)) continue;
      const row = {
        statementId: statement.id,
        articleId: await articleIdOf(statement.id, source),
        quote: source.quote,
        context: source.context,
        dateFrom: source.dateRange?.from ?? null,
        dateTo: source.dateRange?.to ?? null,
      };
      (fresh.has(source.articleHash) ? inserts : upserts).set(key, row);
    }
  }
  for (const part of chunks([...inserts.values()], INSERT_ROWS)) await insertRows(tx, provider, "StatementSource", part);
  for (const part of chunks([...upserts.values()], INSERT_ROWS)) {
    await insertRows(tx, provider, "StatementSource", part, { updateOnConflict: ["statementId", "articleId", "quote"] });
  }
  for (const { statement } of all) touch(statement);
  if (deferRollups) {
    await queueRollups(tx, touchedDays);
  } else {
    await lockRollups(tx, provider);
    await rebuildRollups(tx, provider, touchedDays);
  }
  return summary;
}

/** The ids of the stored articles among `hashes` (content hashes). */
async function storedArticleIds(tx: RawTx, hashes: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(hashes)) {
    const rows = await tx.$queryRaw<{ id: number; contentHash: string }[]>(
      Prisma.sql`SELECT "id", "contentHash" FROM "Article" WHERE "contentHash" IN (${Prisma.join(part)})`,
    );
    for (const row of rows) ids.set(row.contentHash, Number(row.id));
  }
  return ids;
}
