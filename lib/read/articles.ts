// The stored articles the admin page lists, newest first, to remove one.
import type { Db } from "../store/client";

export interface ArticleListing {
  id: number;
  path: string;
  title: string;
  published: string | null;
  /** Its reports: one per statement and quote it gives. */
  reports: number;
}

/** The `limit` articles stored last, and how many are stored. */
export async function recentArticles(db: Db, limit = 20): Promise<{ total: number; articles: ArticleListing[] }> {
  const [total, rows] = await Promise.all([
    db.article.count(),
    db.article.findMany({
      select: { id: true, path: true, title: true, published: true, _count: { select: { sources: true } } },
      orderBy: { id: "desc" },
      take: limit,
    }),
  ]);
  return { total, articles: rows.map(({ _count, ...row }) => ({ ...row, reports: _count.sources })) };
}
