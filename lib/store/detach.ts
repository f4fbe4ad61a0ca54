// Taking stored articles' reports out of the statements, in the caller's transaction: their
// sources go, statements only they reported go, and statements they shared with other articles are
// made again from their other reports (lib/ingest/unmerge.ts), for the caller to write as ingest
// writes them (writeIncoming). Removing an article and analysing articles again both start here.
import type { DbProvider } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import { reportsOf } from "../ingest/batch";
import { indexReports, withoutArticles } from "../ingest/unmerge";
import type { Statement } from "../core/types";
import { speakerKey } from "../ingest/merge";
import type { RawTx } from "./bulk-writer";
import { storedArticles } from "./articles";
import { lockBatch } from "./ingest";
import { chunks } from "./sql";
import { readStatements } from "./statements";

const sql = Prisma.sql;

export interface DetachedArticles {
  /** The statements the articles reported, as they were stored: deleted. */
  stored: Statement[];
  /** How many of them other articles report too. */
  shared: number;
  /** What those become, made again from the other articles' reports: not yet written. */
  remade: Statement[];
  /** The articles' reports (StatementSource rows) deleted. */
  sources: number;
}

/**
 * Deletes the statements `articles` report, and returns them with what the ones shared with other
 * articles become without these articles' reports. The caller holds SQLite's write lock; on
 * PostgreSQL, ingests of the same articles or of the statements' speakers wait until it commits.
 */
export async function detachArticles(tx: RawTx, provider: DbProvider, articles: Array<{ id: number; contentHash: string }>): Promise<DetachedArticles> {
  if (articles.length === 0) return { stored: [], shared: 0, remade: [], sources: 0 };
  const hashes = new Set(articles.map((a) => a.contentHash));
  const statementsOf = sql`SELECT DISTINCT st."id", st."speaker" FROM "StatementSource" s JOIN "Statement" st ON st."id" = s."statementId" WHERE s."articleId" IN (${Prisma.join(articles.map((a) => a.id))})`;
  // Locked again once the statements are read, in case an ingest that committed meanwhile added one.
  await lockBatch(tx, provider, [...hashes], await tx.$queryRaw<Array<{ id: string; speaker: string | null }>>(statementsOf));
  const ids = (await tx.$queryRaw<Array<{ id: string }>>(statementsOf)).map((r) => r.id);
  const stored: Statement[] = [];
  for (const part of chunks(ids)) stored.push(...(await readStatements(tx, part)));
  await lockBatch(tx, provider, [...hashes], stored);
  const sources = stored.reduce((n, s) => n + s.sources.filter((source) => hashes.has(source.articleHash)).length, 0);
  const shared = stored.filter((s) => s.sources.some((source) => !hashes.has(source.articleHash)));
  const others = [...new Set(shared.flatMap((s) => s.sources.map((source) => source.articleHash)))].filter((hash) => !hashes.has(hash));
  const reports = indexReports(reportsOf(await storedArticles(tx, others)));
  const named = await speakersNamedElsewhere(tx, stored);
  const remade = shared.flatMap((s) => withoutArticles(s, hashes, reports, named.has(speakerKey(s.speaker))));
  await lockBatch(tx, provider, [], remade);
  for (const part of chunks(ids)) {
    await tx.$executeRaw(sql`DELETE FROM "StatementSource" WHERE "statementId" IN (${Prisma.join(part)})`);
    await tx.$executeRaw(sql`DELETE FROM "Statement" WHERE "id" IN (${Prisma.join(part)})`);
  }
  return { stored, shared: shared.length, remade, sources };
}

/** The speakers (keys) of `statements` that other stored statements have too. */
async function speakersNamedElsewhere(tx: RawTx, statements: Statement[]): Promise<Set<string>> {
  const own = new Map<string, number>();
  for (const s of statements) {
    const key = speakerKey(s.speaker);
    if (key) own.set(key, (own.get(key) ?? 0) + 1);
  }
  const named = new Set<string>();
  for (const part of chunks([...own.keys()])) {
    const rows = await tx.$queryRaw<Array<{ speakerKey: string; n: unknown }>>(
      sql`SELECT "speakerKey", COUNT(*) AS "n" FROM "Statement" WHERE "speakerKey" IN (${Prisma.join(part)}) GROUP BY "speakerKey"`,
    );
    for (const row of rows) if (Number(row.n) > own.get(row.speakerKey)!) named.add(row.speakerKey);
  }
  return named;
}
