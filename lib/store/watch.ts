// Polling feeds: each feed is fetched with a conditional GET, its new item links are fetched,
// made into articles and stored through the ordinary ingest path (analyzeBatch, ingestBatch),
// one article per transaction. A link handled before (FeedItem) is not fetched again, and an
// article stored before (its content hash) is not stored again. Requests to one host keep a
// minimum gap (HostGate); failed requests are retried with backoff, and a feed whose poll failed
// waits longer before each next poll. The network and the page → article step come from the
// caller (scripts/watch.ts wires the safe fetch and the HTML extraction).
import { analyzeBatch, type BatchInput } from "../ingest/batch";
import { parseFeed, type FeedItemLink } from "../ingest/feeds/parse";
import { backoffMs, HostGate, retrying, systemClock, type Backoff, type Clock } from "../ingest/feeds/pacing";
import type { Db } from "./client";
import { handledUrls, listFeeds, recordItem, recordPollFailure, recordPollSuccess, type FeedRow } from "./feeds";
import { ingestBatch } from "./ingest";

/** What a fetch returned: its final URL (after redirects), status, headers and body. */
export interface FetchedResource {
  url: string;
  status: number;
  header(name: string): string | null;
  /** The body decoded by its declared character set. */
  text: string;
}

/** "feed": the feed document; "page": an item's page. */
export type FetchPurpose = "feed" | "page";

/**
 * Fetches `url`, sending `headers`; resolves with 200 and 304 answers, throws on anything else
 * (HttpStatusError for another status; an error with `retryable: false` for one that trying
 * again cannot fix, such as a refused address or a body too large).
 */
export type Fetcher = (url: string, options: { headers: Record<string, string>; purpose: FetchPurpose }) => Promise<FetchedResource>;

/** A fetched item page → the article file the pipeline reads; throws (with the reason) when there is none. */
export type PageToArticle = (page: FetchedResource, item: FeedItemLink) => BatchInput;

export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`HTTP ${status} from ${url}`);
  }
}

/** Worth trying again: server errors, rate limits, timeouts and network failures; not 4xx or refusals. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HttpStatusError) return error.status >= 500 || error.status === 429 || error.status === 408;
  return (error as { retryable?: boolean } | null)?.retryable !== false;
}

export interface WatchProgress {
  /** A feed's new items are about to be fetched. */
  feedStarted(feed: string, items: number): void;
  itemDone(result: ItemResult): void;
  feedDone(summary: PollSummary): void;
}

export interface WatchOptions {
  fetch: Fetcher;
  toArticle: PageToArticle;
  /** Between requests to one host (default 1 s). */
  gate?: HostGate;
  clock?: Clock;
  /** Tries of one request, with backoff between them (default 3 tries, 1 s doubling to 30 s). */
  retry?: { attempts: number; backoff: Backoff };
  /** Waits before polling again a feed whose polls failed (default 1 min doubling to 6 h). */
  feedBackoff?: Backoff;
  progress?: WatchProgress;
}

export interface ItemResult {
  url: string;
  /** "failed": not fetched this time (tried again next poll). */
  outcome: "ingested" | "duplicate" | "rejected" | "failed";
  reason?: string;
  statements?: { new: number; merged: number };
}

export interface PollSummary {
  feed: string;
  /** "waiting": skipped, still backing off after failed polls. */
  status: "fetched" | "not-modified" | "failed" | "waiting";
  error?: string;
  items: ItemResult[];
}

const DEFAULTS = {
  gapMs: 1000,
  retry: { attempts: 3, backoff: { baseMs: 1000, maxMs: 30_000 } },
  feedBackoff: { baseMs: 60_000, maxMs: 6 * 60 * 60 * 1000 },
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The options with their defaults filled in. */
function resolved(options: WatchOptions) {
  const clock = options.clock ?? systemClock;
  return {
    ...options,
    clock,
    gate: options.gate ?? new HostGate(DEFAULTS.gapMs, clock),
    retry: options.retry ?? DEFAULTS.retry,
    feedBackoff: options.feedBackoff ?? DEFAULTS.feedBackoff,
  };
}
type Resolved = ReturnType<typeof resolved>;

/** One request, after the host's gap, retried with backoff while it fails in a retryable way. */
function politeFetch(url: string, headers: Record<string, string>, purpose: FetchPurpose, o: Resolved): Promise<FetchedResource> {
  return retrying(
    async () => {
      await o.gate.wait(url);
      return o.fetch(url, { headers, purpose });
    },
    { attempts: o.retry.attempts, backoff: o.retry.backoff, retryable: isRetryable, clock: o.clock },
  );
}

/** Whether a feed is still backing off after `failures` failed polls, the last at `lastPollAt`. */
export function isBackingOff(feed: Pick<FeedRow, "failures" | "lastPollAt">, now: number, backoff: Backoff): boolean {
  if (feed.failures === 0 || feed.lastPollAt === null) return false;
  return now < feed.lastPollAt.getTime() + backoffMs(feed.failures, backoff);
}

/** Polls one feed: conditional GET, then its new items (see the file's head). */
export async function pollFeed(db: Db, feed: FeedRow, options: WatchOptions & { force?: boolean }): Promise<PollSummary> {
  const o = resolved(options);
  if (!options.force && isBackingOff(feed, o.clock.now(), o.feedBackoff)) return { feed: feed.url, status: "waiting", items: [] };
  const headers: Record<string, string> = {};
  if (feed.etag) headers["If-None-Match"] = feed.etag;
  if (feed.lastModified) headers["If-Modified-Since"] = feed.lastModified;
  let summary: PollSummary;
  try {
    const answer = await politeFetch(feed.url, headers, "feed", o);
    if (answer.status === 304) {
      await recordPollSuccess(db, feed.id, { at: new Date(o.clock.now()) });
      summary = { feed: feed.url, status: "not-modified", items: [] };
    } else {
      const parsed = await parseFeed(answer.text, answer.url);
      const handled = await handledUrls(db, parsed.items.map((i) => i.url));
      const fresh = parsed.items.filter((i) => !handled.has(i.url));
      o.progress?.feedStarted(feed.url, fresh.length);
      const items: ItemResult[] = [];
      for (const item of fresh) {
        const result = await ingestItem(db, feed.id, item, o);
        items.push(result);
        o.progress?.itemDone(result);
      }
      await recordPollSuccess(db, feed.id, { at: new Date(o.clock.now()), title: parsed.title, etag: answer.header("etag"), lastModified: answer.header("last-modified") });
      summary = { feed: feed.url, status: "fetched", items };
    }
  } catch (error) {
    await recordPollFailure(db, feed.id, messageOf(error), new Date(o.clock.now()));
    summary = { feed: feed.url, status: "failed", error: messageOf(error), items: [] };
  }
  o.progress?.feedDone(summary);
  return summary;
}

/** Fetches one item's page and stores its article; records the link unless the failure may pass. */
async function ingestItem(db: Db, feedId: number, item: FeedItemLink, o: Resolved): Promise<ItemResult> {
  let input: BatchInput;
  try {
    const page = await politeFetch(item.url, {}, "page", o);
    input = o.toArticle(page, item);
  } catch (error) {
    if (isRetryable(error)) return { url: item.url, outcome: "failed", reason: messageOf(error) };
    await recordItem(db, { url: item.url, feedId, outcome: "rejected", reason: messageOf(error) });
    return { url: item.url, outcome: "rejected", reason: messageOf(error) };
  }
  const batch = analyzeBatch([input]);
  if (batch.rejected.length > 0) {
    const reason = batch.rejected[0].reason;
    await recordItem(db, { url: item.url, feedId, outcome: "rejected", reason });
    return { url: item.url, outcome: "rejected", reason };
  }
  const stored = await ingestBatch(db, batch);
  const outcome = stored.articles.new > 0 ? "ingested" : "duplicate";
  await recordItem(db, { url: item.url, feedId, outcome, contentHash: batch.articles[0]?.contentHash });
  return { url: item.url, outcome, statements: stored.statements };
}

/** Thrown by a PageToArticle when a page holds no article: final, never retried. */
export class NoArticleError extends Error {
  readonly retryable = false;
}

/** Polls every stored feed once, one after the other (`force`: feeds backing off too). */
export async function pollAll(db: Db, options: WatchOptions & { force?: boolean }): Promise<PollSummary[]> {
  const summaries: PollSummary[] = [];
  for (const feed of await listFeeds(db)) summaries.push(await pollFeed(db, feed, options));
  return summaries;
}

/**
 * Polls every stored feed, then again every `everyMs`, until `signal` aborts; feeds added or
 * removed meanwhile (on /admin) count from the next round. `onRound` sees each round's summaries.
 */
export async function watchFeeds(db: Db, options: WatchOptions & { everyMs: number; signal: AbortSignal; onRound?: (summaries: PollSummary[]) => void }): Promise<void> {
  const clock = options.clock ?? systemClock;
  while (!options.signal.aborted) {
    const summaries = await pollAll(db, options);
    options.onRound?.(summaries);
    await abortableSleep(clock, options.everyMs, options.signal);
  }
}

function abortableSleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done);
    void clock.sleep(ms).then(done);
  });
}
