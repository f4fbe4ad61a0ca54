// Persistence shell: stores what the pipeline produced, merges re-reported
// utterances into the statements already stored, and reads them back. No NLP here:
// identity of utterances (isSameUtterance / mergeStatements / speakerKey) comes from
// lib/merge.ts and scores from lib/score.
import type { Db } from "./db";
import type { Prisma } from "./generated/prisma/sqlite/client";
import type { BatchResult } from "./pipeline";
import type { Contribution, DateRange, Features, Label, ScoredStatement, Statement, StatementSource, WeightSet } from "./types";
import { isSameUtterance, mergeStatements, speakerKey } from "./merge";
import { defaultWeights, scoreFeatures } from "./score";

export type Tx = Prisma.TransactionClient;

export interface IngestSummary {
  articles: { new: number; skipped: number; rejected: number };
  statements: { new: number; merged: number };
}

/** A weight set as stored, with its version. */
export interface StoredWeightSet {
  version: number;
  weights: WeightSet;
  createdAt: Date;
  note: string;
  createdBy: string;
  active: boolean;
}

/** A statement as stored: the scored statement plus bookkeeping. */
export interface StoredStatement extends ScoredStatement {
  weightVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Interactive transactions: generous limits, a batch may hold many articles. */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 10 * 60_000 } as const;

/** Upper bound of stored statements compared against one incoming statement. */
const MAX_CANDIDATES = 500;

const json = (value: unknown) => value as Prisma.InputJsonValue;

function rangeOf(s: { date: string | null; dateRange: DateRange | null }): DateRange | null {
  if (s.dateRange) return s.dateRange;
  if (s.date) return { from: s.date, to: s.date };
  return null;
}

const statementInclude = {
  sources: { include: { article: { select: { path: true, contentHash: true } } }, orderBy: { id: "asc" } },
} as const satisfies Prisma.StatementInclude;

type StatementRow = Prisma.StatementGetPayload<{ include: typeof statementInclude }>;

function toRange(from: string | null, to: string | null): DateRange | null {
  return from && to ? { from, to } : null;
}

function rowToStatement(row: StatementRow): Statement {
  return {
    id: row.id,
    text: row.text,
    speaker: row.speaker,
    speakerCountry: row.speakerCountry,
    target: row.target,
    date: row.date,
    dateRange: toRange(row.dateFrom, row.dateTo),
    context: row.context,
    features: row.features as unknown as Features,
    sources: row.sources.map(
      (s): StatementSource => ({
        path: s.article.path,
        articleHash: s.article.contentHash,
        quote: s.quote,
        context: s.context,
        dateRange: toRange(s.dateFrom, s.dateTo),
      }),
    ),
  };
}

function rowToStored(row: StatementRow): StoredStatement {
  return {
    ...rowToStatement(row),
    score: row.score,
    label: row.label as Label,
    cameo: row.cameo,
    contributions: row.contributions as unknown as Contribution[],
    weightVersion: row.weightVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Columns derived from a statement and its score (everything but id and sources). */
function statementColumns(s: Statement, weights: StoredWeightSet) {
  const score = scoreFeatures(s.features, weights.weights);
  const range = rangeOf(s);
  return {
    speaker: s.speaker,
    speakerKey: speakerKey(s.speaker),
    speakerCountry: s.speakerCountry,
    target: s.target,
    date: s.date,
    dateFrom: range?.from ?? null,
    dateTo: range?.to ?? null,
    text: s.text,
    context: s.context,
    features: json(s.features),
    score: score.score,
    label: score.label,
    cameo: score.cameo,
    contributions: json(score.contributions),
    weightVersion: weights.version,
  };
}

/**
 * The stored statement that is the same utterance as `s`, if any: the one with the
 * same id, else the first candidate (same speaker, overlapping or unknown date) that
 * isSameUtterance accepts.
 */
async function findSameUtterance(tx: Tx, s: Statement): Promise<Statement | null> {
  const byId = await tx.statement.findUnique({ where: { id: s.id }, include: statementInclude });
  if (byId) return rowToStatement(byId);

  // isSameUtterance needs a known, equal speaker: only statements of that speaker
  // on an overlapping (or unknown) day can match.
  const key = speakerKey(s.speaker);
  if (key === "") return null;
  const range = rangeOf(s);
  const where: Prisma.StatementWhereInput = { speakerKey: key };
  if (range) {
    where.OR = [{ dateFrom: null }, { dateTo: null }, { AND: [{ dateFrom: { lte: range.to } }, { dateTo: { gte: range.from } }] }];
  }
  const candidates = await tx.statement.findMany({
    where,
    include: statementInclude,
    orderBy: { updatedAt: "desc" },
    take: MAX_CANDIDATES,
  });
  for (const row of candidates) {
    const stored = rowToStatement(row);
    if (isSameUtterance(stored, s)) return stored;
  }
  return null;
}

/** Adds (or refreshes) one row per (statement, article, quote). */
async function writeSources(tx: Tx, statementId: string, sources: StatementSource[], articleIds: Map<string, number>): Promise<void> {
  for (const src of sources) {
    let articleId = articleIds.get(src.articleHash);
    if (articleId === undefined) {
      const article = await tx.article.findUnique({ where: { contentHash: src.articleHash }, select: { id: true } });
      if (!article) {
        throw new Error(`statement ${statementId}: source article ${src.articleHash} (${src.path}) is neither in this batch nor in the store`);
      }
      articleId = article.id;
      articleIds.set(src.articleHash, articleId);
    }
    const range = src.dateRange;
    await tx.statementSource.upsert({
      where: { statementId_articleId_quote: { statementId, articleId, quote: src.quote } },
      create: { statementId, articleId, quote: src.quote, context: src.context, dateFrom: range?.from ?? null, dateTo: range?.to ?? null },
      update: { context: src.context, dateFrom: range?.from ?? null, dateTo: range?.to ?? null },
    });
  }
}

/**
 * Stores one analyzed batch in a single transaction: either all of it goes in or
 * nothing changes.
 *
 * - Articles are identified by contentHash; one already stored (or repeated within
 *   the batch) is skipped, and statements reported only by skipped articles are
 *   left alone, so re-ingesting an article is a no-op.
 * - A statement that is the same utterance as a stored one is merged into it
 *   (sources added; text, dates, features and score updated), otherwise created.
 * - Scores come from `weights` (default: the active weight set).
 */
export async function ingestBatch(prisma: Db, result: BatchResult, weights?: StoredWeightSet): Promise<IngestSummary> {
  const active = weights ?? (await getActiveWeights(prisma));
  const summary: IngestSummary = {
    articles: { new: 0, skipped: 0, rejected: result.rejected.length },
    statements: { new: 0, merged: 0 },
  };

  await prisma.$transaction(async (tx) => {
    const articleIds = new Map<string, number>();
    const newArticles = new Set<string>();

    for (const a of result.articles) {
      const known = articleIds.get(a.contentHash) ?? (await tx.article.findUnique({ where: { contentHash: a.contentHash }, select: { id: true } }))?.id;
      if (known !== undefined) {
        articleIds.set(a.contentHash, known);
        summary.articles.skipped++;
        continue;
      }
      const row = await tx.article.create({
        data: {
          contentHash: a.contentHash,
          path: a.path,
          title: a.title,
          source: a.source,
          url: a.url,
          published: a.published,
          publishedFrom: a.publishedFrom,
          paragraphs: json(a.paragraphs),
        },
        select: { id: true },
      });
      articleIds.set(a.contentHash, row.id);
      newArticles.add(a.contentHash);
    }
    summary.articles.new = newArticles.size;

    for (const incoming of result.statements) {
      // Only reports from articles new to the store change anything.
      if (!incoming.sources.some((s) => newArticles.has(s.articleHash))) continue;

      const stored = await findSameUtterance(tx, incoming);
      if (stored) {
        const merged = { ...mergeStatements(stored, incoming), id: stored.id };
        await tx.statement.update({ where: { id: stored.id }, data: statementColumns(merged, active) });
        await writeSources(tx, stored.id, merged.sources, articleIds);
        summary.statements.merged++;
      } else {
        await tx.statement.create({ data: { id: incoming.id, ...statementColumns(incoming, active) } });
        await writeSources(tx, incoming.id, incoming.sources, articleIds);
        summary.statements.new++;
      }
    }
  }, TX_OPTIONS);

  return summary;
}

/** Stored statements with their sources, newest first (unknown dates last). */
export async function listStatements(prisma: Db, options: { limit?: number; offset?: number } = {}): Promise<StoredStatement[]> {
  const rows = await prisma.statement.findMany({
    include: statementInclude,
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { dateTo: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    take: options.limit ?? 500,
    skip: options.offset ?? 0,
  });
  return rows.map(rowToStored);
}

export async function storeCounts(prisma: Db): Promise<{ articles: number; statements: number; sources: number }> {
  const [articles, statements, sources] = await Promise.all([prisma.article.count(), prisma.statement.count(), prisma.statementSource.count()]);
  return { articles, statements, sources };
}

// ---------------------------------------------------------------------------
// Weight sets

type WeightRow = { version: number; weights: unknown; createdAt: Date; note: string; createdBy: string; active: boolean };

export function rowToWeights(row: WeightRow): StoredWeightSet {
  return { ...row, weights: row.weights as WeightSet };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/**
 * The active weight set. When the store has none yet, version 1 is created from
 * defaultWeights() and activated; when sets exist but none is active, the newest is
 * returned.
 */
export async function getActiveWeights(prisma: Db): Promise<StoredWeightSet> {
  const active = await prisma.weightSet.findFirst({ where: { active: true }, orderBy: { version: "desc" } });
  if (active) return rowToWeights(active);
  const newest = await prisma.weightSet.findFirst({ orderBy: { version: "desc" } });
  if (newest) return rowToWeights(newest);
  try {
    const created = await prisma.weightSet.create({
      data: { version: 1, weights: json(defaultWeights()), note: "default weights", createdBy: "system", active: true },
    });
    return rowToWeights(created);
  } catch (e) {
    // Another process created it first.
    if (!isUniqueViolation(e)) throw e;
    return getActiveWeights(prisma);
  }
}

export async function listWeightSets(prisma: Db): Promise<StoredWeightSet[]> {
  return (await prisma.weightSet.findMany({ orderBy: { version: "asc" } })).map(rowToWeights);
}

/** Stores `weights` as the next version (active unless activate is false). */
export async function createWeightSet(
  prisma: Db,
  weights: WeightSet,
  options: { note?: string; createdBy?: string; activate?: boolean } = {},
): Promise<StoredWeightSet> {
  const activate = options.activate ?? true;
  return prisma.$transaction(async (tx) => {
    const newest = await tx.weightSet.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    if (activate) await tx.weightSet.updateMany({ where: { active: true }, data: { active: false } });
    const row = await tx.weightSet.create({
      data: {
        version: (newest?.version ?? 0) + 1,
        weights: json(weights),
        note: options.note ?? "",
        createdBy: options.createdBy ?? "system",
        active: activate,
      },
    });
    return rowToWeights(row);
  }, TX_OPTIONS);
}

/** Makes `version` the only active weight set. */
export async function activateWeightSet(prisma: Db, version: number): Promise<StoredWeightSet> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.weightSet.findUnique({ where: { version } });
    if (!row) throw new Error(`no weight set version ${version}`);
    await tx.weightSet.updateMany({ where: { active: true, version: { not: version } }, data: { active: false } });
    return rowToWeights(await tx.weightSet.update({ where: { version }, data: { active: true } }));
  }, TX_OPTIONS);
}

/** Statements re-scored per round trip: bounds memory however large the store. */
const RESCORE_PAGE = 1000;

/**
 * Re-scores, inside the caller's transaction, the statements not yet scored by
 * `weights.version` (all of them with `all`), a page at a time in id order.
 * `afterPage` runs after each page (progress, or a failure injected by tests).
 */
export async function rescoreWithin(
  tx: Tx,
  weights: StoredWeightSet,
  options: { all?: boolean; pageSize?: number; afterPage?: (done: number) => void | Promise<void> } = {},
): Promise<number> {
  let done = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await tx.statement.findMany({
      where: { ...(options.all ? {} : { weightVersion: { not: weights.version } }), ...(after ? { id: { gt: after } } : {}) },
      select: { id: true, features: true },
      orderBy: { id: "asc" },
      take: options.pageSize ?? RESCORE_PAGE,
    });
    if (rows.length === 0) return done;
    for (const row of rows) {
      const s = scoreFeatures(row.features as unknown as Features, weights.weights);
      await tx.statement.update({
        where: { id: row.id },
        data: { score: s.score, label: s.label, cameo: s.cameo, contributions: json(s.contributions), weightVersion: weights.version },
      });
    }
    done += rows.length;
    after = rows[rows.length - 1].id;
    await options.afterPage?.(done);
  }
}

/**
 * Re-scores stored statements from their stored features with `weights` (default:
 * the active set), in one transaction. Only statements scored by another version are
 * touched unless `all` is set. Returns how many were updated.
 */
export async function rescoreStatements(prisma: Db, options: { weights?: StoredWeightSet; all?: boolean } = {}): Promise<number> {
  const weights = options.weights ?? (await getActiveWeights(prisma));
  return prisma.$transaction((tx) => rescoreWithin(tx, weights, { all: options.all }), TX_OPTIONS);
}
