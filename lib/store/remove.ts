// Removing a stored article, in one transaction: its sources go, statements only it reported go,
// statements it shared with other articles are made again from their other reports
// (lib/ingest/unmerge.ts) and written as ingest writes them (so they are re-dated and re-scored,
// and may merge into a stored statement they now match), and the chart's rollups of every day
// involved are rebuilt.
import { providerOf, type Db, type DbProvider } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { RawTx } from "./bulk-writer";
import { detachArticles } from "./detach";
import { writeIncoming } from "./ingest";
import { takeSqliteWriteLock } from "./rollups";
import type { StoredWeightSet } from "./rows";
import { withRetries, writeTransaction } from "./transactions";
import { getActiveWeights } from "./weight-sets";

const sql = Prisma.sql;

/** Which article to remove: its id, or its path as stored (one or more spellings of it). */
export type ArticleReference = { id: number } | { paths: string[] };

/** No stored article, or several (`matches`), match the reference: nothing was changed. */
export class ArticleNotFoundError extends Error {
  constructor(
    message: string,
    readonly matches = 0,
  ) {
    super(message);
    this.name = "ArticleNotFoundError";
  }
}

/** A reference typed by a person: digits are an id, anything else a path. */
export function parseArticleReference(text: string): ArticleReference {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? { id: Number(trimmed) } : { paths: [trimmed] };
}

export interface RemovalSummary {
  article: { id: number; path: string; title: string };
  /** Its reports (StatementSource rows) removed. */
  sources: number;
  statements: {
    /** Reported by this article alone: removed. */
    removed: number;
    /** Also reported by other articles: made again from those reports. */
    updated: number;
  };
}

interface ArticleRow {
  id: number;
  path: string;
  title: string;
  contentHash: string;
}

/**
 * Removes the article `reference` names, in one transaction (see the top of this file). New
 * scoring pairs are scored by `weights` (default: the active weight set). Throws
 * ArticleNotFoundError, changing nothing, when no article or several match.
 */
export async function removeArticle(prisma: Db, reference: ArticleReference, options: { weights?: StoredWeightSet } = {}): Promise<RemovalSummary> {
  const active = options.weights ?? (await getActiveWeights(prisma));
  const provider = providerOf(prisma);
  return withRetries(() => writeTransaction(prisma, (tx) => removeWithin(tx, provider, reference, active)));
}

async function removeWithin(tx: RawTx, provider: DbProvider, reference: ArticleReference, active: StoredWeightSet): Promise<RemovalSummary> {
  // SQLite: the write lock before the first read. PostgreSQL: detachArticles locks the article and
  // its statements' speakers.
  if (provider === "sqlite") await takeSqliteWriteLock(tx);
  const article = await findArticle(tx, reference);
  const { stored, shared, remade, sources } = await detachArticles(tx, provider, [article]);
  await tx.$executeRaw(sql`DELETE FROM "Article" WHERE "id" = ${article.id}`);
  // The remade statements' sources are all of stored articles; the removed statements' days are rebuilt too.
  await writeIncoming(tx, provider, remade, { fresh: new Map(), skipped: 0, ids: new Map() }, active, { touched: stored });
  return {
    article: { id: article.id, path: article.path, title: article.title },
    sources,
    statements: { removed: stored.length - shared, updated: shared },
  };
}

/** The one stored article `reference` names. */
async function findArticle(tx: RawTx, reference: ArticleReference): Promise<ArticleRow> {
  const columns = sql`SELECT "id", "path", "title", "contentHash" FROM "Article"`;
  if ("id" in reference) {
    const [row] = await tx.$queryRaw<ArticleRow[]>(sql`${columns} WHERE "id" = ${reference.id}`);
    if (!row) throw new ArticleNotFoundError(`no stored article has the id ${reference.id}`);
    return { ...row, id: Number(row.id) };
  }
  const paths = [...new Set(reference.paths)];
  const rows = paths.length ? await tx.$queryRaw<ArticleRow[]>(sql`${columns} WHERE "path" IN (${Prisma.join(paths)}) ORDER BY "id"`) : [];
  if (rows.length === 0) throw new ArticleNotFoundError(`no stored article has the path ${paths[0] ?? "(none given)"}`);
  if (rows.length > 1) {
    throw new ArticleNotFoundError(`${rows.length} stored articles have the path ${rows[0].path} (ids ${rows.map((r) => Number(r.id)).join(", ")}): name one by its id`, rows.length);
  }
  return { ...rows[0], id: Number(rows[0].id) };
}
