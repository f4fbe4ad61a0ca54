// An article given by its address: the page fetched safely (./safe-fetch.ts) becomes an input
// like a file, named by the address it was read from, so that the analysis reads it as a page
// (lib/ingest/input.ts) and every rejection names the address.
import type { BatchInput, Rejection } from "../../ingest/batch";
import { FetchError, HTML_CONTENT_TYPES, safeFetch, type FetchOptions } from "./safe-fetch";

/** What an article's address may answer with: a web page, or an article as plain text. */
export const ARTICLE_CONTENT_TYPES = [...HTML_CONTENT_TYPES, "text/plain", "text/markdown"];

/** Whether a command-line argument or form field is a web address rather than a file name. */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\//i.test(value.trim());
}

/** The page at `address` as an input named by the address it came from (after redirects), in UTF-8. */
export async function fetchArticleInput(address: string, options: FetchOptions = {}): Promise<BatchInput> {
  const page = await safeFetch(address.trim(), { contentTypes: ARTICLE_CONTENT_TYPES, ...options });
  return { path: page.url, bytes: Buffer.from(page.text, "utf8") };
}

/** Each address fetched in turn; an address that fails is a rejection saying why, the others go on. */
export async function fetchArticleInputs(addresses: string[], options: FetchOptions = {}): Promise<{ inputs: BatchInput[]; rejected: Rejection[] }> {
  const inputs: BatchInput[] = [];
  const rejected: Rejection[] = [];
  for (const address of addresses) {
    try {
      inputs.push(await fetchArticleInput(address, options));
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      rejected.push({ path: address, reason: error.message });
    }
  }
  return { inputs, rejected };
}
