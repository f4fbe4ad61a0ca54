// Stored statements read back: the list the app shows, whole statements by id, and counts.
import type { Db } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Statement, StatementSource } from "../core/types";
import type { RawTx } from "./bulk-writer";
import { rowToStored, sourceOf, statementInclude, statementOf, type StatementFields, type StoredStatement } from "./rows";
import { weightSetsByVersion } from "./weight-sets";

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

/** The stored statement with this id, or the one whose id starts with it; null when none or several do. */
export async function findStatement(prisma: Db, idOrPrefix: string): Promise<StoredStatement | null> {
  const rows = await prisma.statement.findMany({ where: { id: { startsWith: idOrPrefix } }, include: statementInclude, take: 2, orderBy: { id: "asc" } });
  const exact = rows.find((row) => row.id === idOrPrefix);
  const row = exact ?? (rows.length === 1 ? rows[0] : null);
  return row ? rowToStored(row, await weightSetsByVersion(prisma)) : null;
}

export async function storeCounts(prisma: Db): Promise<{ articles: number; statements: number; sources: number }> {
  const [articles, statements, sources] = await Promise.all([prisma.article.count(), prisma.statement.count(), prisma.statementSource.count()]);
  return { articles, statements, sources };
}

/**
 * Stored statements with their sources, as the pipeline shapes them (no score). Raw SQL: the
 * ORM's include plans a new query for every length of `ids`, which costs more than reading.
 */
export async function readStatements(tx: RawTx, ids: string[]): Promise<Statement[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<StatementFields[]>(Prisma.sql`SELECT "id", "text", "speaker", "speakerCountry", "target", "date", "dateFrom", "dateTo", "rangeFromPublication", "context", "features" FROM "Statement" WHERE "id" IN (${Prisma.join(ids)})`);
  const sources = await tx.$queryRaw<
    { statementId: string; quote: string; context: string; dateFrom: string | null; dateTo: string | null; direct: boolean | number | null; path: string; contentHash: string; published: string | null }[]
  >(
    Prisma.sql`SELECT s."statementId", s."quote", s."context", s."dateFrom", s."dateTo", s."direct", a."path", a."contentHash", a."published"
      FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId" WHERE s."statementId" IN (${Prisma.join(ids)}) ORDER BY s."id"`,
  );
  const sourcesOf = new Map<string, StatementSource[]>();
  for (const s of sources) {
    const source = sourceOf(s, s);
    const list = sourcesOf.get(s.statementId);
    if (list) list.push(source);
    else sourcesOf.set(s.statementId, [source]);
  }
  return rows.map((row) => statementOf(row, sourcesOf.get(row.id) ?? []));
}
