// A feed document (RSS 0.9–2.0 or Atom) → its title and items, each with an absolute http(s) link.
// Parsing only: the watcher fetches the document (lib/store/watch.ts). rss-parser reads both
// formats into one shape; its own HTTP client is never used.
import Parser from "rss-parser";

export interface FeedItemLink {
  /** Absolute http(s) URL of the item's page, without its fragment. */
  url: string;
  title: string | null;
  /** The item's date as the feed gives it (ISO 8601), or null. */
  published: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItemLink[];
}

export class FeedParseError extends Error {}

const parser = new Parser();

/** The item's page, resolved against the feed's URL; null when it has none or not over http(s). */
export function itemUrl(link: string | undefined, feedUrl: string): string | null {
  if (!link || !link.trim()) return null;
  let url: URL;
  try {
    url = new URL(link.trim(), feedUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  return url.toString();
}

/**
 * The items of `xml`, in the feed's order, each link once (items without a usable link are
 * left out: there is no page to fetch). Throws FeedParseError when `xml` is not a feed.
 */
export async function parseFeed(xml: string, feedUrl: string): Promise<ParsedFeed> {
  let output: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    output = await parser.parseString(xml);
  } catch (error) {
    throw new FeedParseError(`not an RSS or Atom feed: ${(error as Error).message.split("\n")[0]}`);
  }
  const seen = new Set<string>();
  const items: FeedItemLink[] = [];
  for (const item of output.items ?? []) {
    const url = itemUrl(item.link ?? (isUrl(item.guid) ? item.guid : undefined), feedUrl);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    items.push({ url, title: item.title?.trim() || null, published: item.isoDate ?? null });
  }
  return { title: output.title?.trim() || null, items };
}

function isUrl(value: string | undefined): boolean {
  return value !== undefined && /^https?:\/\//i.test(value.trim());
}
