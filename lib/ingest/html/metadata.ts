// What a news page says about itself, outside its text: headline, publication day, outlet,
// canonical address and whether it is free to read. Pages give these in JSON-LD
// (schema.org NewsArticle and kin), in meta tags (Open Graph, article:*, Dublin Core and
// the names content systems use) and in <time datetime>; JSON-LD is the most deliberate of
// them, so it is read first.
import type { ISODate } from "../../core/types";
import { isValidISODate } from "../../core/days";

export interface PageMetadata {
  headline: string | null;
  published: ISODate | null;
  outlet: string | null;
  canonicalUrl: string | null;
  /** JSON-LD's isAccessibleForFree: false, the schema.org mark of a paywalled article. */
  paywalled: boolean;
  /** The page declares itself an article (a JSON-LD Article, Posting or Report type, or og:type article). */
  declaredArticle: boolean;
}

/** The parts of a DOM document this module reads (linkedom's and the browser's alike). */
export interface QueryableDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE_RE = /(?:Article|Posting|Report)$/;

function types(node: JsonObject): string[] {
  const t = node["@type"];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string");
}

/** Every object in a JSON-LD value, through arrays and @graph. Bounded by the value's size. */
function jsonLdNodes(value: unknown, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) for (const v of value) jsonLdNodes(v, out);
  else if (value !== null && typeof value === "object") {
    const node = value as JsonObject;
    out.push(node);
    if (node["@graph"] !== undefined) jsonLdNodes(node["@graph"], out);
  }
  return out;
}

function readJsonLd(doc: QueryableDocument): JsonObject[] {
  const nodes: JsonObject[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      jsonLdNodes(JSON.parse(scripts[i].textContent ?? ""), nodes);
    } catch {
      // Malformed JSON-LD is common; the meta tags still count.
    }
  }
  return nodes;
}

function text(value: unknown): string | null {
  if (typeof value === "string") {
    const s = value.replace(/\s+/g, " ").trim();
    return s === "" ? null : s;
  }
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

/** A name given as text or as an object with a name (publisher: {"@type": "Organization", name}). */
function nameOf(value: unknown): string | null {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return text((value as JsonObject).name);
  if (Array.isArray(value)) return nameOf(value[0]);
  return text(value);
}

/** An address given as text, or as an object with @id or url (mainEntityOfPage). */
function urlOf(value: unknown): string | null {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return text((value as JsonObject)["@id"]) ?? text((value as JsonObject).url);
  return text(value);
}

function meta(doc: QueryableDocument, keys: string[]): string | null {
  for (const key of keys) {
    const found = doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    for (let i = 0; i < found.length; i++) {
      const value = text(found[i].getAttribute("content"));
      if (value) return value;
    }
  }
  return null;
}

function firstAttribute(doc: QueryableDocument, selector: string, attribute: string): string | null {
  const found = doc.querySelectorAll(selector);
  for (let i = 0; i < found.length; i++) {
    const value = text(found[i].getAttribute(attribute));
    if (value) return value;
  }
  return null;
}

/**
 * The calendar day a timestamp was written for: "2026-01-05T23:30:00-05:00" is 5 January where
 * the outlet wrote it, whatever the day in UTC. Also "2026-01-05" and "2026/01/05".
 */
export function dayOfTimestamp(value: string | null): ISODate | null {
  const m = value ? /^\s*(\d{4})[-/](\d{2})[-/](\d{2})(?![\d])/.exec(value) : null;
  const day = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  return day !== null && isValidISODate(day) ? day : null;
}

/** An absolute http(s) address for `href` read against `base`, or null. */
export function absoluteHttpUrl(href: string | null, base?: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const PUBLISHED_META = ["article:published_time", "og:published_time", "datePublished", "publish-date", "pubdate", "publishdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "DC.date.issued", "dcterms.created", "date"];

/** Read before Readability runs: it removes scripts and meta tags from the document it is given. */
export function readMetadata(doc: QueryableDocument, pageUrl?: string): PageMetadata {
  const nodes = readJsonLd(doc);
  const article = nodes.find((n) => types(n).some((t) => ARTICLE_TYPE_RE.test(t))) ?? null;
  const fromLd = (key: string) => (article ? article[key] : undefined);
  const publisher = nameOf(fromLd("publisher")) ?? nameOf(nodes.find((n) => types(n).includes("WebSite"))?.name);
  return {
    headline: text(fromLd("headline")) ?? meta(doc, ["og:title", "twitter:title"]),
    published:
      dayOfTimestamp(text(fromLd("datePublished"))) ??
      dayOfTimestamp(meta(doc, PUBLISHED_META)) ??
      dayOfTimestamp(firstAttribute(doc, "time[pubdate][datetime], article time[datetime], time[datetime]", "datetime")),
    outlet: meta(doc, ["og:site_name", "application-name"]) ?? publisher,
    canonicalUrl:
      absoluteHttpUrl(firstAttribute(doc, 'link[rel="canonical"]', "href"), pageUrl) ??
      absoluteHttpUrl(meta(doc, ["og:url"]), pageUrl) ??
      absoluteHttpUrl(urlOf(fromLd("url")) ?? urlOf(fromLd("mainEntityOfPage")), pageUrl),
    paywalled: article !== null && (article.isAccessibleForFree === false || article.isAccessibleForFree === "False" || article.isAccessibleForFree === "false"),
    declaredArticle: article !== null || /^article$/i.test(meta(doc, ["og:type"]) ?? ""),
  };
}
