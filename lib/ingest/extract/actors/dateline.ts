import type { CountryMention } from "../../gazetteer";
import type { Actor } from "./types";

interface DatelineSpan {
  start: number;
  end: number;
  /** "(AFP)", "(Xinhua)": the agency that filed the story, which places no one. */
  byline: { start: number; end: number } | null;
}

/** Asked once per institution mention of the same article. */
let lastDateline: { text: string; span: DatelineSpan | null } | null = null;

/**
 * "WASHINGTON —", "Washington, Jan 8,2026:" and "NAIROBI (AFP) -" open an article without anyone
 * speaking: an agency named there filed the story, it did not say anything in it.
 */
export function isInDateline(text: string, position: number): boolean {
  const span = datelineSpan(text);
  return span !== null && position >= span.start && position < span.end;
}

/**
 * Press convention: an unqualified "President Han" or "Foreign Office spokesperson" in a story
 * datelined in a country's capital belongs to that country. The byline's agency is where the story
 * came from, not where it happened.
 */
export function giveDatelineCountry(text: string, countries: CountryMention[], actors: Actor[]): void {
  const place = datelineSpan(text);
  const inPlace = (c: CountryMention) => place !== null && c.start >= place.start && c.end <= place.end && !(place.byline && c.start >= place.byline.start && c.end <= place.byline.end);
  const home = countries.find(inPlace)?.country ?? null;
  if (home) for (const actor of actors) if (actor.kind === "person" && actor.titles.length && !actor.country) actor.country = home;
}

/**
 * The place that opens a story — "WASHINGTON —", "SEOUL, April 14 (Yonhap) --", "ISLAMABAD:",
 * "NEW DELHI, March 3 (Reuters) -", "LONDON (Reuters) -", or the agency alone, "(AP) —" — in one
 * of its first paragraphs.
 */
function datelineSpan(text: string): DatelineSpan | null {
  if (lastDateline?.text !== text) lastDateline = { text, span: computeDatelineSpan(text) };
  return lastDateline.span && { ...lastDateline.span };
}

const PLACE_DATELINE = /^([\p{Lu}][\p{L}.'’ /-]{1,40}?)(?:\s*\([^()\n]{1,40}\))?(?:,[^\n]{0,40}?(?:\s[–—-]{1,2}\s|:\s|\/\.?\s)|:\s|\s[–—-]{1,2}\s)/u;
const AGENCY_DATELINE = /^\([^()\n]{1,40}\)\s*[–—-]{1,2}\s/u;
const BYLINE = /\([^()\n]{1,40}\)/u;

function computeDatelineSpan(text: string): DatelineSpan | null {
  let offset = 0;
  for (const line of text.split("\n", 6)) {
    const place = PLACE_DATELINE.exec(line);
    const match = place && !/\s\p{Ll}/u.test(place[1]) ? place : AGENCY_DATELINE.exec(line);
    if (match) return { start: offset, end: offset + match[0].length, byline: bylineIn(match[0], offset) };
    offset += line.length + 1;
  }
  return null;
}

function bylineIn(dateline: string, offset: number): DatelineSpan["byline"] {
  const byline = BYLINE.exec(dateline);
  return byline ? { start: offset + byline.index, end: offset + byline.index + byline[0].length } : null;
}
