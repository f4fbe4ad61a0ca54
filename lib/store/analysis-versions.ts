// Which stored articles an older version of the analysis made (Article.analysisVersion): what
// `npm run reanalyze` has left to do, and what `npm start` and /admin point out (staleAnalysisNotice
// in lib/view/format.ts).
import type { Db } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import { ANALYSIS_VERSION } from "../ingest/analysis-version";

export interface StaleGroup {
  /** The version that analysed them; null: stored before versions were recorded. */
  version: string | null;
  articles: number;
  /** The id of its first article. */
  first: number;
}

/** The stored articles of each version but `version`, in the order of their first article. Reads the (analysisVersion, id) index alone. */
export async function staleGroups(db: Db, version: string = ANALYSIS_VERSION): Promise<StaleGroup[]> {
  const rows = await db.$queryRaw<Array<{ version: string | null; n: unknown; first: unknown }>>(
    Prisma.sql`SELECT "analysisVersion" AS "version", COUNT(*) AS "n", MIN("id") AS "first" FROM "Article" GROUP BY "analysisVersion"`,
  );
  return rows
    .filter((row) => row.version !== version)
    .map((row) => ({ version: row.version, articles: Number(row.n), first: Number(row.first) }))
    .sort((a, b) => a.first - b.first);
}

/** How many stored articles a version other than `version` analysed (or one that was not recorded). */
export async function countStaleArticles(db: Db, version: string = ANALYSIS_VERSION): Promise<number> {
  return (await staleGroups(db, version)).reduce((n, group) => n + group.articles, 0);
}
