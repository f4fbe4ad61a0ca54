import type { CountryMention } from "../../gazetteer";
import type { Actor } from "./types";

interface DatelineSpan {
  start: number;
  end: number;
  /** "(AFP)", "(Xinhua)": the agency that filed the story, which places no one. */
  byline: { start: number; end: number } | null;
}

/** Asked once per institution mention of the same article. */
let lastDatelines: { text: string; spans: DatelineSpan[] } | null = null;

/**
 * "WASHINGTON —", "Washington, Jan 8,2026:" and "NAIROBI (AFP) -" open an article without anyone
 * speaking: an agency named there filed the story, it did not say anything in it.
 */
export function isInDateline(text: string, position: number): boolean {
  const [span] = datelineSpans(text);
  return span !== undefined && position >= span.start && position < span.end;
}

/**
 * Press convention: an unqualified "President Han" or "Foreign Office spokesperson" in a story
 * datelined in a country's capital belongs to that country. The byline's agency is where the story
 * came from, not where it happened.
 */
export function giveDatelineCountry(text: string, countries: CountryMention[], actors: Actor[]): void {
  // A line of the page's furniture ("Source: Xinhua| …") may come before the dateline that places the story.
  const inPlace = (place: DatelineSpan) => (c: CountryMention) =>
    c.start >= place.start && c.end <= place.end && !(place.byline && c.start >= place.byline.start && c.end <= place.byline.end);
  let home: string | null = null;
  for (const place of datelineSpans(text)) if ((home = countries.find(inPlace(place))?.country ?? null)) break;
  if (home) for (const actor of actors) if (actor.kind === "person" && actor.titles.length && !actor.country) actor.country = home;
}

/**
 * The lines that may open a story with its place — "WASHINGTON —", "SEOUL, April 14 (Yonhap) --", "ISLAMABAD:",
 * "NEW DELHI, March 3 (Reuters) -", "LONDON (Reuters) -", or the agency alone, "(AP) —" — in one
 * of its first paragraphs.
 */
function datelineSpans(text: string): DatelineSpan[] {
  if (lastDatelines?.text !== text) lastDatelines = { text, spans: computeDatelineSpans(text) };
  return lastDatelines.spans;
}

const PLACE_DATELINE = /^([\p{Lu}][\p{L}.'’ /-]{1,40}?)(?:\s*\([^()\n]{1,40}\))?(?:,[^\n]{0,40}?(?:\s[–—-]{1,2}\s|:\s|\/\.?\s)|:\s|\s[–—-]{1,2}\s)/u;
const AGENCY_DATELINE = /^\([^()\n]{1,40}\)\s*[–—-]{1,2}\s/u;
const BYLINE = /\([^()\n]{1,40}\)/u;

function computeDatelineSpans(text: string): DatelineSpan[] {
  const spans: DatelineSpan[] = [];
  let offset = 0;
  for (const line of text.split("\n", 6)) {
    const place = PLACE_DATELINE.exec(line);
    const match = place && !/\s\p{Ll}/u.test(place[1]) ? place : AGENCY_DATELINE.exec(line);
    if (match) spans.push({ start: offset, end: offset + match[0].length, byline: bylineIn(match[0], offset) });
    offset += line.length + 1;
  }
  return spans;
}

function bylineIn(dateline: string, offset: number): DatelineSpan["byline"] {
  const byline = BYLINE.exec(dateline);
  return byline ? { start: offset + byline.index, end: offset + byline.index + byline[0].length } : null;
}
