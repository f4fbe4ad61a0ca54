// The watcher's network and page reading: the safe fetch (timeouts, size limit, content types,
// redirects, no private addresses unless ALLOW_PRIVATE_FETCH) and the HTML → article reduction,
// in the shapes lib/store/watch.ts asks for.
import { FetchError, HTML_CONTENT_TYPES, safeFetch, type FetchOptions } from "../lib/server/fetch/safe-fetch";
import { articleText, reduceHtml } from "../lib/ingest/html/page";
import { HttpStatusError, NoArticleError, type Fetcher, type PageToArticle } from "../lib/store/watch";

/** What feeds are served as, generic XML included: many servers label RSS text/xml or application/xml. */
export const FEED_CONTENT_TYPES = ["application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"];

/** Failures that fetching again cannot fix. */
const FINAL_KINDS = new Set(["invalid-url", "refused-address", "too-large", "content-type", "too-many-redirects"]);

/** The safe fetch as a Fetcher: 304 passes, another status is an HttpStatusError, final failures say so. */
export function pageFetcher(options: Pick<FetchOptions, "timeoutMs" | "maxBytes" | "maxRedirects"> = {}): Fetcher {
  return async (url, { headers, purpose }) => {
    try {
      const doc = await safeFetch(url, { ...options, headers, contentTypes: purpose === "feed" ? FEED_CONTENT_TYPES : HTML_CONTENT_TYPES });
      return { url: doc.url, status: doc.notModified ? 304 : doc.status, header: (name) => headerValue(doc.headers[name.toLowerCase()]), text: doc.text };
    } catch (error) {
      if (error instanceof FetchError) {
        const status = statusOf(error);
        if (status !== null) throw new HttpStatusError(error.url, status);
        if (FINAL_KINDS.has(error.kind)) Object.defineProperty(error, "retryable", { value: false });
      }
      throw error;
    }
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

/** The status an "http-status" FetchError names. */
function statusOf(error: FetchError): number | null {
  if (error.kind !== "http-status") return null;
  const m = /\b([1-5]\d\d)\b/.exec(error.message.slice(error.url.length));
  return m ? Number(m[1]) : null;
}

/** A fetched page → the article text the pipeline reads, named by its address. */
export const pageToArticle: PageToArticle = (page, item) => {
  const reduced = reduceHtml(page.text, page.url);
  if (!reduced.ok) throw new NoArticleError(`${page.url}: ${reduced.reason}`);
  const article = { ...reduced.article, url: reduced.article.url ?? item.url, published: reduced.article.published ?? item.published?.slice(0, 10) ?? null };
  return { path: page.url, bytes: Buffer.from(articleText(article), "utf8") };
};
