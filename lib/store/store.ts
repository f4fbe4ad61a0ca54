// Persistence shell: stores what the pipeline produced, merges re-reported
// utterances into the statements already stored, and reads them back. No NLP here:
// identity of utterances (isSameUtterance / mergeStatements / speakerKey) comes from
// lib/ingest/merge.ts and scores from lib/score.
import { providerOf, sqliteWriterOf, type Db, type DbProvider } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { BatchResult } from "../ingest/batch";
import type { DateRange, Features, Label, ParsedArticle, ScoredStatement, Statement, StatementSource, WeightSet } from "../core/types";
import { isSameUtterance, mergeStatements, speakerKey } from "../ingest/merge";
import { dropSqliteIndexes, lockRollups, queueRollups, rebuildPendingRollups, rebuildRollups, takeSqliteWriteLock, type RollupKey } from "./rollups";
import { defaultWeights, encodeRuleValues, pairScorer } from "../score";
import { contributionsOf } from "../score/explain";
import type { RawTx } from "./bulk-writer";
import { addDays } from "../core/days";

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

/** Longer than any stored statement's day range (a month is the widest date expression). */
const RANGE_BOUND_DAYS = 62;

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
  scoring: { select: { score: true, label: true, cameo: true, weightVersion: true } },
} as const satisfies Prisma.StatementInclude;

type StatementRow = Prisma.StatementGetPayload<{ include: typeof statementInclude }>;

/** A stored day range: both ends, or none. */
export function toRange(from: string | null, to: string | null): DateRange | null {
  return from && to ? { from, to } : null;
}

type StatementFields = Pick<StatementRow, "id" | "text" | "speaker" | "speakerCountry" | "target" | "date" | "dateFrom" | "dateTo" | "context"> & { features: unknown };

function statementOf(row: StatementFields, sources: StatementSource[]): Statement {
  return {
    id: row.id,
    text: row.text,
    speaker: row.speaker,
    speakerCountry: row.speakerCountry,
    target: row.target,
    date: row.date,
    dateRange: toRange(row.dateFrom, row.dateTo),
    context: row.context,
    // Raw queries on SQLite return JSON columns as text; everything else as parsed values.
    features: (typeof row.features === "string" ? JSON.parse(row.features) : row.features) as Features,
    sources,
  };
}

function rowToStatement(row: StatementRow): Statement {
  return statementOf(
    row,
    row.sources.map((s) => ({ path: s.article.path, articleHash: s.article.contentHash, quote: s.quote, context: s.context, dateRange: toRange(s.dateFrom, s.dateTo) })),
  );
}

function rowToStored(row: StatementRow, weights: Map<number, WeightSet>): StoredStatement {
  const statement = rowToStatement(row);
  return {
    ...statement,
    score: row.scoring.score,
    label: row.scoring.label as Label,
    cameo: row.scoring.cameo,
    contributions: contributionsOf(statement.features, weights, row.scoring.weightVersion),
    weightVersion: row.scoring.weightVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Columns derived from a statement (everything but id and sources), given its Scoring row. */
function statementColumns(s: Statement, scoringId: number) {
  const range = rangeOf(s);
  return {
    speaker: s.speaker,
    speakerKey: speakerKey(s.speaker),
    speakerCountry: s.speakerCountry,
    target: s.target,
    date: s.date,
    dateFrom: range?.from ?? null,
    dateTo: range?.to ?? null,
    sortDay: s.date ?? range?.to ?? "",
    text: s.text,
    context: s.context,
    features: json(s.features),
    scoringId,
  };
}

/** What scoring reads of features: Scoring's key. */
export function scoringPairOf(features: Features): ScoringPair {
  return { lexicon: features.lexicon, ruleValues: encodeRuleValues(features) };
}

export interface ScoringPair {
  lexicon: number;
  ruleValues: string;
}

export const pairKey = (pair: ScoringPair) => `${pair.lexicon}\n${pair.ruleValues}`;

/**
 * The Scoring row of each pair (by pairKey), adding the pairs the store lacks, scored by
 * `weights`. A stored pair keeps its score: it is the store's, whichever version set it (a
 * re-score of the pairs not scored by the active version brings it up to date). Pairs go in
 * sorted so that concurrent ingests on PostgreSQL wait for each other's new pairs in one order.
 */
export async function scoringIdsOf(tx: RawTx, provider: DbProvider, pairs: ScoringPair[], weights: StoredWeightSet): Promise<Map<string, number>> {
  const unique = [...new Map(pairs.map((p) => [pairKey(p), p])).values()].sort((a, b) => a.lexicon - b.lexicon || (a.ruleValues < b.ruleValues ? -1 : a.ruleValues > b.ruleValues ? 1 : 0));
  const score = pairScorer(weights.weights);
  const ids = new Map<string, number>();
  for (const part of chunks(unique, INSERT_ROWS)) {
    const rows = part.map((p) => ({ lexicon: p.lexicon, ruleValues: p.ruleValues, ...score(p.lexicon, p.ruleValues), weightVersion: weights.version }));
    await insertRows(tx, provider, "Scoring", rows, { ignoreConflict: ["lexicon", "ruleValues"] });
    // Matched in the database against the same JSON text the rows were inserted from, so that a
    // float's text form never decides which pair is which.
    const payload = JSON.stringify(part.map((p) => [p.lexicon, p.ruleValues]));
    const found = await tx.$queryRawUnsafe<{ i: unknown; scoringId: unknown }[]>(
      provider === "postgresql"
        ? `SELECT v."i" - 1 AS "i", p."scoringId" FROM JSON_ARRAY_ELEMENTS(CAST($1 AS JSON)) WITH ORDINALITY AS v("e", "i")
            JOIN "Scoring" p ON p."lexicon" = CAST(v."e" ->> 0 AS DOUBLE PRECISION) AND p."ruleValues" = v."e" ->> 1`
        : `SELECT v."key" AS "i", p."scoringId" FROM JSON_EACH(?) AS v JOIN "Scoring" p ON p."lexicon" = v."value" ->> 0 AND p."ruleValues" = v."value" ->> 1`,
      payload,
    );
    for (const row of found) ids.set(pairKey(part[Number(row.i)]), Number(row.scoringId));
  }
  const missing = unique.find((p) => !ids.has(pairKey(p)));
  if (missing) throw new Error(`no Scoring row for lexicon ${missing.lexicon} and rule values "${missing.ruleValues}"`);
  return ids;
}

/** A source's identity in the store (its unique key: statement, article, quote). */
function sourceRowKey(statementId: string, source: StatementSource): string {
  return `${statementId}\u0000${source.articleHash}\u0000${source.quote}`;
}

/** Rows per multi-row INSERT or IN list: well below either database's bound-parameter limit. */
const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * For each statement, the stored statements of its speaker that may be the same utterance
 * (overlapping or unknown days), most recently updated first, with just what isSameUtterance
 * reads (speaker, days, text, the sources' quotes). Raw SQL, two queries per 100 statements:
 * Prisma would plan a new query for every batch's shape, which costs more than running it.
 */
async function candidatesFor(tx: RawTx, statements: Statement[]): Promise<Map<string, Statement[]>> {
  const found = new Map<string, Statement[]>();
  const conditions = new Map<string, Prisma.Sql>();
  for (const s of statements) {
    const key = speakerKey(s.speaker);
    if (key === "") continue;
    const range = rangeOf(s);
    // Stored ranges have both ends or neither, and span at most a month (the widest date
    // expression), so an overlapping one ends within [from, to + RANGE_BOUND_DAYS]: a bounded
    // scan of the (speakerKey, dateTo) index instead of every statement of the speaker.
    const days = range
      ? Prisma.sql` AND ("dateTo" IS NULL OR ("dateTo" >= ${range.from} AND "dateTo" <= ${addDays(range.to, RANGE_BOUND_DAYS)} AND "dateFrom" <= ${range.to}))`
      : Prisma.empty;
    conditions.set(`${key}\n${range?.from}\n${range?.to}`, Prisma.sql`("speakerKey" = ${key}${days})`);
  }
  for (const part of chunks([...conditions.values()], 100)) {
    const rows = await tx.$queryRaw<{ id: string; speaker: string | null; text: string; dateFrom: string | null; dateTo: string | null; date: string | null }[]>(
      Prisma.sql`SELECT "id", "speaker", "text", "dateFrom", "dateTo", "date" FROM "Statement" WHERE ${Prisma.join(part, " OR ")} ORDER BY "updatedAt" DESC`,
    );
    const quotes = new Map<string, string[]>();
    for (const ids of chunks(rows.map((r) => r.id))) {
      const sources = await tx.$queryRaw<{ statementId: string; quote: string }[]>(
        Prisma.sql`SELECT "statementId", "quote" FROM "StatementSource" WHERE "statementId" IN (${Prisma.join(ids)}) ORDER BY "id"`,
      );
      for (const source of sources) quotes.set(source.statementId, [...(quotes.get(source.statementId) ?? []), source.quote]);
    }
    for (const row of rows) {
      const candidate: Statement = {
        id: row.id,
        text: row.text,
        speaker: row.speaker,
        speakerCountry: null,
        target: null,
        date: row.date,
        dateRange: toRange(row.dateFrom, row.dateTo),
        context: "",
        features: { lexicon: 0, hits: [] },
        sources: (quotes.get(row.id) ?? []).map((quote) => ({ path: "", articleHash: "", quote, context: "", dateRange: null })),
      };
      const key = speakerKey(row.speaker);
      found.set(key, [...(found.get(key) ?? []), candidate]);
    }
  }
  const result = new Map<string, Statement[]>();
  for (const s of statements) {
    const range = rangeOf(s);
    const sameDays = (found.get(speakerKey(s.speaker)) ?? []).filter((c) => {
      const other = rangeOf(c);
      return !range || !c.dateRange || (other !== null && other.from <= range.to && other.to >= range.from);
    });
    result.set(s.id, sameDays.slice(0, MAX_CANDIDATES));
  }
  return result;
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

/**
 * Stored statements with their sources, as the pipeline shapes them (no score). Raw SQL: the
 * ORM's include plans a new query for every length of `ids`, which costs more than reading.
 */
async function readStatements(tx: RawTx, ids: string[]): Promise<Statement[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<StatementFields[]>(Prisma.sql`SELECT "id", "text", "speaker", "speakerCountry", "target", "date", "dateFrom", "dateTo", "context", "features" FROM "Statement" WHERE "id" IN (${Prisma.join(ids)})`);
  const sources = await tx.$queryRaw<{ statementId: string; quote: string; context: string; dateFrom: string | null; dateTo: string | null; path: string; contentHash: string }[]>(
    Prisma.sql`SELECT s."statementId", s."quote", s."context", s."dateFrom", s."dateTo", a."path", a."contentHash"
      FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId" WHERE s."statementId" IN (${Prisma.join(ids)}) ORDER BY s."id"`,
  );
  const sourcesOf = new Map<string, StatementSource[]>();
  for (const s of sources) {
    const source: StatementSource = { path: s.path, articleHash: s.contentHash, quote: s.quote, context: s.context, dateRange: toRange(s.dateFrom, s.dateTo) };
    const list = sourcesOf.get(s.statementId);
    if (list) list.push(source);
    else sourcesOf.set(s.statementId, [source]);
  }
  return rows.map((row) => statementOf(row, sourcesOf.get(row.id) ?? []));
}

/**
 * Multi-row INSERT through raw SQL (`returning`: columns to return), its rows sent as one JSON
 * parameter that the database unpacks: Prisma's createMany plans each call anew, and both
 * Prisma and SQLite spend more on thousands of parameters (serializing, planning, parsing
 * the statement) than on the insert itself. Columns named in `json` are JSON; `updatedAt` is
 * set to the current time by the database. With `updateOnConflict` (a unique key's columns),
 * a row whose key is stored updates the stored row; with `ignoreConflict`, it is left out.
 */
export async function insertRows<R = unknown>(
  tx: Pick<RawTx, "$queryRawUnsafe">,
  provider: DbProvider,
  table: string,
  rows: Record<string, unknown>[],
  options: { json?: string[]; returning?: string[]; updatedAt?: boolean; updateOnConflict?: string[]; ignoreConflict?: string[] } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const json = new Set(options.json ?? []);
  const columns = Object.keys(rows[0]);
  const quoted = (names: string[]) => names.map((c) => `"${c}"`).join(", ");
  const updatedAt = options.updatedAt ? ", CURRENT_TIMESTAMP" : "";
  // PostgreSQL reads each object as a row of the table, every value typed as its column.
  // SQLite reads each row as an array, its JSON columns as their text.
  const select =
    provider === "postgresql"
      ? `SELECT ${quoted(columns)}${updatedAt} FROM JSON_POPULATE_RECORDSET(NULL::"${table}", CAST($1 AS JSON))`
      : `SELECT ${columns.map((_, i) => `"value" ->> ${i}`).join(", ")}${updatedAt} FROM JSON_EACH(?) WHERE 1`;
  const payload =
    provider === "postgresql"
      ? JSON.stringify(rows)
      : JSON.stringify(rows.map((row) => columns.map((c) => (json.has(c) ? JSON.stringify(row[c]) : row[c]))));
  const returning = options.returning ? ` RETURNING ${quoted(options.returning)}` : "";
  let onConflict = "";
  if (options.updateOnConflict) {
    const key = new Set(options.updateOnConflict);
    const updated = [...columns.filter((c) => !key.has(c)), ...(options.updatedAt ? ["updatedAt"] : [])];
    onConflict = ` ON CONFLICT (${quoted([...key])}) DO UPDATE SET ${updated.map((c) => `"${c}" = excluded."${c}"`).join(", ")}`;
  } else if (options.ignoreConflict) {
    onConflict = ` ON CONFLICT (${quoted(options.ignoreConflict)}) DO NOTHING`;
  }
  const names = quoted([...columns, ...(options.updatedAt ? ["updatedAt"] : [])]);
  return tx.$queryRawUnsafe<R[]>(`INSERT INTO "${table}" (${names}) ${select}${onConflict}${returning}`, payload);
}

/** Rows per multi-row INSERT: bounds the size of one JSON parameter. */
const INSERT_ROWS = 500;

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

/**
 * An ingest's transaction: on the client's SQLite bulk writer when it has one (see
 * lib/store/bulk-writer.ts), otherwise a Prisma interactive transaction. Both run the same SQL.
 */
function writeTransaction<T>(prisma: Db, work: (tx: RawTx) => Promise<T>): Promise<T> {
  const writer = sqliteWriterOf(prisma);
  return writer ? writer.transaction(work) : prisma.$transaction((tx) => work(tx), TX_OPTIONS);
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

/** Stored statements with their sources, newest first (unknown dates last). */
export async function listStatements(prisma: Db, options: { limit?: number; offset?: number } = {}): Promise<StoredStatement[]> {
  const rows = await prisma.statement.findMany({
    include: statementInclude,
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { dateTo: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    take: options.limit ?? 500,
    skip: options.offset ?? 0,
  });
  const weights = await weightSetsByVersion(prisma);
  return rows.map((row) => rowToStored(row, weights));
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

/** Every stored weight set by version (a small table): what explains each statement's score. */
export async function weightSetsByVersion(prisma: Db): Promise<Map<number, WeightSet>> {
  return new Map((await prisma.weightSet.findMany({ select: { version: true, weights: true } })).map((r) => [r.version, r.weights as unknown as WeightSet]));
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
  // statements, and Prisma maps each row apart (at a million pairs, 3.6 s by hand). Every
  // digit of the lexicon value: PostgreSQL's text form of a double is exact, SQLite's own keeps 15.
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

/**
 * Re-scores stored statements from their stored features with `weights` (default:
 * the active set), in one transaction. Only statements scored by another version are
 * touched unless `all` is set. Returns how many were updated.
 */
export async function rescoreStatements(prisma: Db, options: { weights?: StoredWeightSet; all?: boolean } = {}): Promise<number> {
  const weights = options.weights ?? (await getActiveWeights(prisma));
  const rescored = await prisma.$transaction((tx) => rescoreWithin(tx, weights, { all: options.all, provider: providerOf(prisma) }), TX_OPTIONS);
  await tidyAfterRescore(prisma, rescored);
  return rescored;
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
