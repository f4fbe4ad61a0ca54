// A batch's articles in the store: identified by content hash, each stored once.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { ParsedArticle, StatementSource } from "../core/types";
import { ANALYSIS_VERSION } from "../ingest/analysis-version";
import type { DbProvider } from "./client";
import type { RawTx } from "./bulk-writer";
import { chunks, INSERT_ROWS, insertRows } from "./sql";

export interface BatchArticles {
  /** The batch's articles new to the store, by content hash. */
  fresh: Map<string, ParsedArticle>;
  /** Articles already stored, or repeated within the batch. */
  skipped: number;
  /** Store ids by content hash: every article of the batch, and any other looked up since (see articleIdOf). */
  ids: Map<string, number>;
}

/** Inserts the articles the store lacks, at once, and skips the rest. */
export async function insertArticles(tx: RawTx, provider: DbProvider, articles: ParsedArticle[]): Promise<BatchArticles> {
  const ids = await storedArticleIds(tx, [...new Set(articles.map((a) => a.contentHash))]);
  const fresh = new Map<string, ParsedArticle>();
  let skipped = 0;
  for (const a of articles) {
    if (ids.has(a.contentHash) || fresh.has(a.contentHash)) skipped++;
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
        analysisVersion: ANALYSIS_VERSION,
      })),
      { json: ["paragraphs"], returning: ["id", "contentHash"] },
    );
    for (const row of rows) ids.set(row.contentHash, Number(row.id));
  }
  return { fresh, skipped, ids };
}

/**
 * The store id of the article reporting `source` (of statement `statementId`): one of the batch,
 * or a stored one looked up and kept in `articles.ids`.
 */
export async function articleIdOf(tx: RawTx, articles: BatchArticles, statementId: string, source: StatementSource): Promise<number> {
  let id = articles.ids.get(source.articleHash);
  if (id === undefined) {
    id = (await storedArticleIds(tx, [source.articleHash])).get(source.articleHash);
    if (id === undefined) throw new Error(`statement ${statementId}: source article ${source.articleHash} (${source.path}) is neither in this batch nor in the store`);
    articles.ids.set(source.articleHash, id);
  }
  return id;
}

/** The ids of the stored articles among `hashes` (content hashes). */
export async function storedArticleIds(tx: RawTx, hashes: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(hashes)) {
    const rows = await tx.$queryRaw<{ id: number; contentHash: string }[]>(
      Prisma.sql`SELECT "id", "contentHash" FROM "Article" WHERE "contentHash" IN (${Prisma.join(part)})`,
    );
    for (const row of rows) ids.set(row.contentHash, Number(row.id));
  }
  return ids;
}

/** Stored articles (by content hash) as the pipeline reads them, in the order they were stored. */
export async function storedArticles(tx: RawTx, hashes: string[]): Promise<ParsedArticle[]> {
  const articles: Array<ParsedArticle & { id: number }> = [];
  for (const part of chunks(hashes)) {
    const rows = await tx.$queryRaw<Array<Omit<ParsedArticle, "paragraphs" | "publishedFrom"> & { id: number; publishedFrom: string; paragraphs: unknown }>>(
      Prisma.sql`SELECT "id", "contentHash", "path", "title", "source", "url", "published", "publishedFrom", "paragraphs" FROM "Article" WHERE "contentHash" IN (${Prisma.join(part)})`,
    );
    for (const row of rows) {
      // Raw queries on SQLite return JSON columns as text.
      const paragraphs = (typeof row.paragraphs === "string" ? JSON.parse(row.paragraphs) : row.paragraphs) as string[];
      articles.push({ ...row, id: Number(row.id), publishedFrom: row.publishedFrom as ParsedArticle["publishedFrom"], paragraphs });
    }
  }
  return articles.sort((a, b) => a.id - b.id).map(({ id: _id, ...article }) => article);
}
