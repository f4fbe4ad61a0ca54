// Analysing stored articles again (`npm run reanalyze`): a store built by an older analysis gets
// the statements, sources, features and scores the current one finds in the same articles, from
// the paragraphs the store keeps, without re-ingesting. Articles go a batch per transaction, in
// the order they were stored: a batch's reports are taken out of the statements (as removing the
// articles would take them out, lib/store/detach.ts), its articles analysed again as one ingest
// batch would analyse them, and the result written as ingest writes it, merged into the stored
// statements it matches, with the chart's rollups of the days involved. The batch's articles then
// record the current ANALYSIS_VERSION, which is the run's progress: a run that dies loses only its
// open transaction, and the next run carries on with the articles still marked older.
import { createHash } from "node:crypto";
import { providerOf, type Db, type DbProvider } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import { ANALYSIS_VERSION } from "../ingest/analysis-version";
import { analyzeStored } from "../ingest/batch";
import { withStoredIds } from "../ingest/unmerge";
import type { Statement } from "../core/types";
import type { RawTx } from "./bulk-writer";
import { storedArticleIds, storedArticles } from "./articles";
import { detachArticles } from "./detach";
import { lockBatch, writeIncoming } from "./ingest";
import { takeSqliteWriteLock } from "./rollups";
import type { StoredWeightSet } from "./rows";
import { withRetries, writeTransaction } from "./transactions";
import { getActiveWeights, rescoreStatements } from "./weight-sets";
import { countStaleArticles, staleGroups } from "./analysis-versions";

const sql = Prisma.sql;

/** Articles per transaction: as many as a bulk ingest stores per batch, so that a store ingested in batches is analysed again in the same ones. */
export const REANALYZE_BATCH = 50;

/** Statements of the analysed articles, as the store held them before the run and holds them now. */
export interface StatementChanges {
  /** Held now, not before. */
  added: number;
  /** Held before, not now. */
  removed: number;
  /** Held before and now (same id), different in words, speaker, target, days, sources or features. */
  changed: number;
  unchanged: number;
}

export interface ReanalysisProgress {
  articles: {
    /** Analysed again by this run so far. */
    done: number;
    /** Analysed by an older version when the run started. */
    total: number;
  };
  /** Statements the run has written so far (a statement written by two batches counts twice). */
  statements: number;
  elapsedMs: number;
  dryRun: boolean;
}

export interface ReanalyzeOptions {
  /** Articles per transaction (default REANALYZE_BATCH). */
  batch?: number;
  /** Work out every batch and report the changes, but roll each one back. */
  dryRun?: boolean;
  /** Stop after this many batches; the next run carries on. */
  maxBatches?: number;
  /** The weight set new scoring pairs get (default: the active one). */
  weights?: StoredWeightSet;
  /** Runs after each batch has committed (or, in a dry run, been rolled back). */
  onBatch?: (progress: ReanalysisProgress) => void | Promise<void>;
}

export interface ReanalysisResult extends ReanalysisProgress {
  changes: StatementChanges;
  /** No article analysed by an older version is left (in a dry run: none would be). */
  complete: boolean;
}

const ofVersion = (version: string | null) => (version === null ? sql`"analysisVersion" IS NULL` : sql`"analysisVersion" = ${version}`);

/**
 * Analyses again every stored article an older analysis made, a batch of articles per
 * transaction (see the top of this file), then re-scores any scoring pair the active weight set
 * did not score. `onBatch` reports progress. A batch that fails rolls back whole and stops the
 * run: what earlier batches wrote stays, and running again carries on.
 */
export async function reanalyzeStore(prisma: Db, options: ReanalyzeOptions = {}): Promise<ReanalysisResult> {
  const started = Date.now();
  const version = ANALYSIS_VERSION;
  const size = options.batch ?? REANALYZE_BATCH;
  const dryRun = options.dryRun ?? false;
  const active = options.weights ?? (await getActiveWeights(prisma));
  const groups = await staleGroups(prisma, version);
  const tally = new ChangeTally();
  const progress = (): ReanalysisProgress => ({
    articles: { done, total: groups.reduce((n, g) => n + g.articles, 0) },
    statements,
    elapsedMs: Date.now() - started,
    dryRun,
  });
  let done = 0;
  let statements = 0;
  let batches = 0;
  for (const group of groups) {
    let after = 0;
    while (options.maxBatches === undefined || batches < options.maxBatches) {
      const next = await prisma.$queryRaw<Array<{ id: unknown }>>(
        sql`SELECT "id" FROM "Article" WHERE ${ofVersion(group.version)} AND "id" > ${after} ORDER BY "id" LIMIT ${size}`,
      );
      if (next.length === 0) break;
      const ids = next.map((row) => Number(row.id));
      after = ids.at(-1)!;
      const outcome = await reanalyzeArticles(prisma, ids, { version, weights: active, dryRun });
      tally.add(outcome);
      done += outcome.articles;
      statements += outcome.written.length;
      batches++;
      await options.onBatch?.(progress());
    }
  }
  if (!dryRun) await rescoreStatements(prisma, { weights: active });
  const left = dryRun ? progress().articles.total - done : await countStaleArticles(prisma, version);
  return { ...progress(), changes: tally.changes(), complete: left === 0 };
}

/** What one batch did: its articles analysed again, the statements it deleted and those it wrote. */
export interface BatchOutcome {
  articles: number;
  stored: Statement[];
  written: Statement[];
}

class DryRunRollback extends Error {
  constructor(readonly outcome: BatchOutcome) {
    super("dry run: rolled back");
  }
}

/**
 * Analyses the articles `ids` again in one transaction (those another process has analysed
 * with `version` meanwhile are left alone); with `dryRun`, rolls it back.
 */
export async function reanalyzeArticles(prisma: Db, ids: number[], options: { version: string; weights: StoredWeightSet; dryRun?: boolean }): Promise<BatchOutcome> {
  const provider = providerOf(prisma);
  try {
    return await withRetries(() =>
      writeTransaction(prisma, async (tx) => {
        const outcome = await reanalyzeWithin(tx, provider, ids, options.version, options.weights);
        if (options.dryRun) throw new DryRunRollback(outcome);
        return outcome;
      }),
    );
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome;
    throw error;
  }
}

async function reanalyzeWithin(tx: RawTx, provider: DbProvider, ids: number[], version: string, active: StoredWeightSet): Promise<BatchOutcome> {
  if (provider === "sqlite") await takeSqliteWriteLock(tx);
  const listed = await tx.$queryRaw<Array<{ id: unknown; contentHash: string }>>(sql`SELECT "id", "contentHash" FROM "Article" WHERE "id" IN (${Prisma.join(ids)})`);
  // PostgreSQL: another run analysing the same articles waits here, then finds them done.
  await lockBatch(tx, provider, listed.map((row) => row.contentHash), []);
  const rows = await tx.$queryRaw<Array<{ id: unknown; contentHash: string }>>(
    sql`SELECT "id", "contentHash" FROM "Article" WHERE "id" IN (${Prisma.join(ids)}) AND ("analysisVersion" IS NULL OR "analysisVersion" <> ${version}) ORDER BY "id"`,
  );
  const articles = rows.map((row) => ({ id: Number(row.id), contentHash: row.contentHash }));
  if (articles.length === 0) return { articles: 0, stored: [], written: [] };
  const parsed = await storedArticles(tx, articles.map((a) => a.contentHash));
  const { stored, remade } = await detachArticles(tx, provider, articles);
  const fresh = withStoredIds(analyzeStored(parsed), stored);
  await lockBatch(tx, provider, [], fresh);
  const { written } = await writeIncoming(tx, provider, await inIngestOrder(tx, remade, fresh, articles[0].id), { fresh: new Map(), skipped: 0, ids: new Map(articles.map((a) => [a.contentHash, a.id])) }, active, {
    touched: stored,
  });
  await tx.$executeRaw(sql`UPDATE "Article" SET "analysisVersion" = ${version} WHERE "id" IN (${Prisma.join(articles.map((a) => a.id))})`);
  return { articles: articles.length, stored, written };
}

/**
 * The statements a batch writes, in the order an ingest of the articles in storage order would
 * have met them: what earlier articles report of them first, then the batch's own, then what only
 * later articles report, so that each is merged into what came before it (the words shown, the
 * target) as it was when the store was built.
 */
async function inIngestOrder(tx: RawTx, remade: Statement[], fresh: Statement[], firstOfBatch: number): Promise<Statement[]> {
  const ids = await storedArticleIds(tx, [...new Set(remade.flatMap((s) => s.sources.map((source) => source.articleHash)))]);
  const earlier = remade.filter((s) => s.sources.some((source) => ids.get(source.articleHash)! < firstOfBatch));
  const later = remade.filter((s) => !earlier.includes(s));
  return [...earlier, ...fresh, ...later];
}

/**
 * The statements batches deleted and wrote, by id, kept as a fingerprint of what they show: the
 * first state a run saw of an id is its state before the run, the last its state now.
 */
class ChangeTally {
  private readonly before = new Map<string, string>();
  private readonly now = new Map<string, string | null>();

  add(outcome: BatchOutcome): void {
    for (const s of outcome.stored) {
      if (!this.now.has(s.id) && !this.before.has(s.id)) this.before.set(s.id, fingerprint(s));
      this.now.set(s.id, null);
    }
    for (const s of outcome.written) {
      this.now.set(s.id, fingerprint(s));
    }
  }

  changes(): StatementChanges {
    const changes: StatementChanges = { added: 0, removed: 0, changed: 0, unchanged: 0 };
    for (const [id, now] of this.now) {
      const before = this.before.get(id);
      if (before === undefined) changes.added += now === null ? 0 : 1;
      else if (now === null) changes.removed++;
      else if (now === before) changes.unchanged++;
      else changes.changed++;
    }
    return changes;
  }
}

/** What a statement shows and is scored from, hashed: equal for statements that read alike. */
function fingerprint(s: Statement): string {
  const sources = s.sources.map((x) => canonicalJson([x.articleHash, x.quote, x.context, x.dateRange, x.direct ?? null])).sort();
  const shown = [s.text, s.speaker, s.speakerCountry, s.target, s.date, s.dateRange, s.context, s.features, sources];
  return createHash("sha256").update(canonicalJson(shown)).digest("base64").slice(0, 16);
}

/** JSON with every object's keys sorted: PostgreSQL's jsonb gives stored features back in an order of its own. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
