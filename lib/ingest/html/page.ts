// A saved or fetched web page reduced to its article: Mozilla's Readability (the reader view's
// algorithm) finds the article's text on a linkedom DOM, and the page's own metadata gives the
// headline, day, outlet and address. The result is the plain text with front matter that
// lib/ingest/input.ts reads, so an article is the same whether it came as a page or as text.
// Pure: an HTML string (and the address it came from) in, an article or the reason there is
// none out.
import { Readability, isProbablyReaderable } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { ISODate } from "../../core/types";
import { absoluteHttpUrl, readMetadata } from "./metadata";

export interface HtmlArticle {
  title: string;
  /** Body paragraphs in order, each one line; the headline is not among them. */
  paragraphs: string[];
  published: ISODate | null;
  outlet: string | null;
  url: string | null;
}

export type HtmlReduction = { ok: true; article: HtmlArticle } | { ok: false; reason: string };

/** Fewer words of article text than this is a teaser, a stub or a page of links, not a report. */
export const MIN_ARTICLE_WORDS = 60;
/** Article text more than this share of which is link text is a list of links (an index page). */
const MAX_LINK_SHARE = 0.5;

/** Elements whose text is one paragraph of the article; the innermost is taken when they nest. */
const BLOCK_SELECTOR = "p, li, h2, h3, h4, h5, h6, blockquote, pre, dd";
/** Inside these, text is a caption or furniture, not the report. */
const FURNITURE_SELECTOR = "figcaption, figure, aside, nav, footer, button, form";

interface ElementLike {
  textContent: string | null;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
  closest(selector: string): ElementLike | null;
}

function oneLine(s: string | null): string {
  return (s ?? "").replace(/\s+/g, " ").trim();
}

function wordCount(s: string): number {
  return (s.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? []).length;
}

/** A block this much of whose text is link text is a link (related stories, "read more"), not a paragraph. */
const LINK_BLOCK_SHARE = 0.8;
const HEADING_SELECTOR = "h2, h3, h4, h5, h6";

function isLink(block: ElementLike): boolean {
  return block.closest("a") !== null || linkShare(block) >= LINK_BLOCK_SHARE;
}

/**
 * The article's paragraphs: the text of each innermost block outside captions and asides, less
 * blocks that are links or a lone time stamp, and less headings left with no text under them.
 */
function paragraphsOf(content: ElementLike): string[] {
  const kept: Array<{ line: string; heading: boolean }> = [];
  const blocks = content.querySelectorAll(BLOCK_SELECTOR);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.querySelector(BLOCK_SELECTOR) !== null || block.closest(FURNITURE_SELECTOR) !== null) continue;
    const line = oneLine(block.textContent);
    // A block that is only a <time> is the page's time stamp left behind by its byline.
    if (line === "" || line === oneLine(block.querySelector("time")?.textContent ?? null) || isLink(block)) continue;
    kept.push({ line, heading: block.closest(HEADING_SELECTOR) !== null });
  }
  const out = kept.filter((b, k) => !b.heading || (k + 1 < kept.length && !kept[k + 1].heading)).map((b) => b.line);
  // Readability wraps loose text in <p>, but an article of bare text in one element has no block.
  if (out.length === 0 && oneLine(content.textContent) !== "") out.push(oneLine(content.textContent));
  return out;
}

function linkShare(content: ElementLike): number {
  const all = oneLine(content.textContent).length;
  if (all === 0) return 0;
  let linked = 0;
  const links = content.querySelectorAll("a");
  for (let i = 0; i < links.length; i++) linked += oneLine(links[i].textContent).length;
  return linked / all;
}

/**
 * The article of an HTML page, or why the page has none: no article text (an index or list
 * page), too little (a stub or a teaser) or a paywall. `pageUrl`, the page's address, resolves a
 * relative canonical link and stands in for a missing one.
 */
export function reduceHtml(html: string, pageUrl?: string): HtmlReduction {
  const { document } = parseHTML(html);
  const meta = readMetadata(document, pageUrl);
  // A page that is not even probably readable and does not call itself an article is an index,
  // a search result or a front page: say so rather than store its link text.
  if (!meta.declaredArticle && !isProbablyReaderable(document as unknown as Document)) {
    return { ok: false, reason: "no article on this page (it looks like an index, a list of links or an empty page)" };
  }
  const parsed = new Readability(document as unknown as Document, { serializer: (el) => el, charThreshold: 200 }).parse();
  const content = parsed?.content as unknown as ElementLike | null | undefined;
  if (!parsed || !content) return { ok: false, reason: "no article on this page (no block of article text found)" };
  if (linkShare(content) > MAX_LINK_SHARE) {
    return { ok: false, reason: "no article on this page (its main text is mostly links: an index or list page)" };
  }
  const title = meta.headline ?? oneLine(parsed.title ?? "");
  // A body that repeats the headline first loses it in parseArticle, as a text's would.
  const paragraphs = paragraphsOf(content);
  const words = paragraphs.reduce((n, p) => n + wordCount(p), 0);
  if (words < MIN_ARTICLE_WORDS) {
    const reason = meta.paywalled
      ? `the article is behind a paywall (the page holds ${words} words of it)`
      : `too little article text on this page (${words} words; an article needs at least ${MIN_ARTICLE_WORDS})`;
    return { ok: false, reason };
  }
  return {
    ok: true,
    article: {
      title: title !== "" ? title : paragraphs[0].slice(0, 120),
      paragraphs,
      published: meta.published,
      outlet: meta.outlet ?? (oneLine(parsed.siteName ?? "") || null),
      url: meta.canonicalUrl ?? absoluteHttpUrl(pageUrl ?? null),
    },
  };
}

/** The article as plain text with YAML front matter: what lib/ingest/input.ts reads. */
export function articleText(article: HtmlArticle): string {
  // JSON strings are YAML double-quoted strings: any headline or address survives the round trip.
  const fields = [
    `title: ${JSON.stringify(article.title)}`,
    article.published ? `date: ${article.published}` : null,
    article.outlet ? `source: ${JSON.stringify(article.outlet)}` : null,
    article.url ? `url: ${JSON.stringify(article.url)}` : null,
  ].filter((f): f is string => f !== null);
  return `---\n${fields.join("\n")}\n---\n${article.paragraphs.join("\n\n")}\n`;
}
