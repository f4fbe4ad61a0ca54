// The feeds the watcher polls and the item links it has handled (Feed, FeedItem).
import type { Db } from "./client";

export interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  addedAt: Date;
  lastPollAt: Date | null;
  lastError: string | null;
  failures: number;
  itemsIngested: number;
}

export type ItemOutcome = "ingested" | "duplicate" | "rejected";

export class FeedUrlError extends Error {}

/** `url` as stored: an absolute http(s) URL without its fragment; throws FeedUrlError otherwise. */
export function normalizeFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new FeedUrlError(`not a URL: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new FeedUrlError(`not an http(s) URL: ${url}`);
  parsed.hash = "";
  return parsed.toString();
}

export function listFeeds(db: Db): Promise<FeedRow[]> {
  return db.feed.findMany({ orderBy: { id: "asc" } });
}

export function countFeeds(db: Db): Promise<number> {
  return db.feed.count();
}

/** Adds `url` (normalized) unless it is there; returns its row and whether it was new. */
export async function addFeed(db: Db, url: string): Promise<{ feed: FeedRow; created: boolean }> {
  const normalized = normalizeFeedUrl(url);
  const existing = await db.feed.findUnique({ where: { url: normalized } });
  if (existing) return { feed: existing, created: false };
  try {
    return { feed: await db.feed.create({ data: { url: normalized } }), created: true };
  } catch (error) {
    // Added concurrently (the URL is unique): the other's row is the feed.
    const winner = await db.feed.findUnique({ where: { url: normalized } });
    if (winner) return { feed: winner, created: false };
    throw error;
  }
}

/** Removes the feed; the links it led to stay handled. False when there was none. */
export async function removeFeed(db: Db, id: number): Promise<boolean> {
  const { count } = await db.feed.deleteMany({ where: { id } });
  return count > 0;
}

/** The links of `urls` handled before (by any feed). */
export async function handledUrls(db: Db, urls: string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await db.feedItem.findMany({ where: { url: { in: urls } }, select: { url: true } });
  return new Set(rows.map((r) => r.url));
}

/** Records a handled link (once: a link handled concurrently keeps its first record). */
export async function recordItem(db: Db, item: { url: string; feedId: number | null; outcome: ItemOutcome; contentHash?: string; reason?: string }): Promise<void> {
  const { url, feedId, outcome } = item;
  await db.feedItem.upsert({
    where: { url },
    create: { url, feedId, outcome, contentHash: item.contentHash ?? null, reason: item.reason ?? null },
    update: {},
  });
  if (outcome === "ingested" && feedId !== null) await db.feed.updateMany({ where: { id: feedId }, data: { itemsIngested: { increment: 1 } } });
}

/** A poll that succeeded: new validators (304 keeps the old ones), the error and failures cleared. */
export async function recordPollSuccess(db: Db, id: number, result: { title?: string | null; etag?: string | null; lastModified?: string | null; at: Date }): Promise<void> {
  await db.feed.updateMany({
    where: { id },
    data: {
      lastPollAt: result.at,
      lastError: null,
      failures: 0,
      ...(result.title ? { title: result.title } : {}),
      ...(result.etag !== undefined ? { etag: result.etag } : {}),
      ...(result.lastModified !== undefined ? { lastModified: result.lastModified } : {}),
    },
  });
}

/** A poll that failed: the error kept for /admin, one more failure in a row. */
export async function recordPollFailure(db: Db, id: number, error: string, at: Date): Promise<void> {
  await db.feed.updateMany({ where: { id }, data: { lastPollAt: at, lastError: error.slice(0, 1000), failures: { increment: 1 } } });
}
