import type { CountryMention } from "../../gazetteer";
import type { Actor } from "./types";

/** Asked once per institution mention of the same article. */
let lastDateline: { text: string; span: { start: number; end: number } | null } | null = null;

/** "WASHINGTON —" and "Washington, Jan 8,2026:" open an article without anyone speaking. */
export function isInDateline(text: string, position: number): boolean {
  const span = datelineSpan(text);
  return span !== null && position >= span.start && position < span.end;
}

/**
 * Press convention: an unqualified "President Han" or "Foreign Office spokesperson" in a story
 * datelined in a country's capital belongs to that country.
 */
export function giveDatelineCountry(text: string, countries: CountryMention[], actors: Actor[]): void {
  const place = datelineSpan(text);
  const home = place ? countries.find((c) => c.start >= place.start && c.end <= place.end)?.country ?? null : null;
  if (home) for (const actor of actors) if (actor.kind === "person" && actor.titles.length && !actor.country) actor.country = home;
}

/**
 * The place that opens a story — "WASHINGTON —", "SEOUL, April 14 (Yonhap) --", "ISLAMABAD:",
 * "NEW DELHI, March 3 (Reuters) -" — in one of its first paragraphs.
 */
function datelineSpan(text: string): { start: number; end: number } | null {
  if (lastDateline?.text !== text) lastDateline = { text, span: computeDatelineSpan(text) };
  return lastDateline.span && { ...lastDateline.span };
}

function computeDatelineSpan(text: string): { start: number; end: number } | null {
  let offset = 0;
  for (const line of text.split("\n", 6)) {
    const match = /^([\p{Lu}][\p{L}.'’ /-]{1,40}?)(?:,[^\n]{0,40}?(?:\s[–—-]{1,2}\s|:\s|\/\.?\s)|:\s|\s[–—-]{1,2}\s)/u.exec(line);
    if (match && !/\s\p{Ll}/u.test(match[1])) return { start: offset, end: offset + match[0].length };
    offset += line.length + 1;
  }
  return null;
}
