// How a source is cited wherever one is shown (the dashboard's statement details, `npm run
// explain`, the CSV exports): outlet, title, publication day and link from the article's front
// matter; the file name only when none of them is known.
import type { ISODate } from "../core/types";
import { formatDay } from "./format";
import type { ArticleRef } from "../read/statements";

/** What the store keeps of an article for citing it (its title may be missing in a test's store). */
export type CitedArticle = Omit<ArticleRef, "title"> & { title: string | null };

export interface Citation {
  /** The outlet named in front matter, else the site its link points at; null when neither is known. */
  outlet: string | null;
  title: string | null;
  url: string | null;
  published: ISODate | null;
  /** The file's name, set only when nothing else identifies the article. */
  file: string | null;
}

/** The host of a web link without "www.", null when it is no http(s) link. */
function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.hostname.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

function present(text: string | null): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

export function citationOf(article: CitedArticle): Citation {
  const url = present(article.url);
  const link = url && siteOf(url) ? url : null;
  const outlet = present(article.source) ?? (link ? siteOf(link) : null);
  const title = present(article.title);
  const published = article.published;
  const known = outlet !== null || title !== null || link !== null || published !== null;
  return { outlet, title, url: link, published, file: known ? null : (article.path.split("/").pop() ?? article.path) };
}

/** One line: "Outlet, “Title”, 4 Jan 2026, https://…" — the parts that are known, in that order. */
export function citationText(c: Citation): string {
  if (c.file) return c.file;
  return [c.outlet, c.title ? `“${c.title}”` : null, c.published ? formatDay(c.published) : null, c.url].filter((part): part is string => part !== null).join(", ");
}
