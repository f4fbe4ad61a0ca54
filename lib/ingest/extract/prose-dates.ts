import { findDateMentions, type DateExpr, type DateMention } from "../dates";
import type { AnalyzedText, Token } from "../nlp";
import type { Paragraph } from "./article-text";
import { firstEndingAfter, firstIndexWhere, firstStartingAtOrAfter } from "./positions";
import { insideAny, type QuoteSpan } from "./quotes";

/** "Washington, Jan 8,2026: …", "Bogotá, January 9, 2026 – …": near a paragraph's start, before a dash or colon. */
function isDateline(mention: DateMention, text: string): boolean {
  const paragraphStart = text.lastIndexOf("\n", mention.start) + 1;
  const place = text.slice(paragraphStart, mention.start);
  const placeLike = !/(^|\s)\p{Ll}/u.test(place); // "NEW DELHI, ", "Washington/Bogotá, " — no lower-case words
  return placeLike && mention.start - paragraphStart < 100 && /^\s*(?:\([^)]{1,30}\)\s*|[./]*\s*\/?[A-Z]{2,}\/?\.?\s*)?[–—:|-]/.test(text.slice(mention.end));
}

/**
 * The date phrases that can tie a statement to a day: those in prose, outside quotations. A dateline
 * is the article's own date, a caption's is the photo's.
 */
export function proseDateMentions(text: string, layout: Paragraph[], quotes: QuoteSpan[]): DateMention[] {
  const inProse = (position: number) => {
    // Paragraphs follow each other without overlapping: only the first not ending by `position` can hold it.
    const paragraph = layout[firstEndingAfter(layout, position)];
    return paragraph !== undefined && paragraph.prose && position >= paragraph.start;
  };
  return findDateMentions(text).filter((d) => !insideAny(d.start, quotes) && inProse(d.start) && !isDateline(d, text));
}

/** "since Monday": where a span of time begins, never when words were said nor the news's day. */
export function startsASpan(text: string, mention: DateMention): boolean {
  return /\bsince\s+$/i.test(text.slice(Math.max(0, mention.start - 8), mention.start));
}

/**
 * "since Monday's clash", "in the first call since Monday": the phrase dates an event the words
 * refer to, or where a span begins, not the verb of saying beside it. (An opening's "after
 * today's summons" still gives the news its day.)
 */
export function datesAnotherEvent(text: string, mention: DateMention): boolean {
  return startsASpan(text, mention) || /^['’]s\b/.test(text.slice(mention.end, mention.end + 3));
}

/**
 * "campaigning for a March 15 election", "the June 6 meeting": a date between a determiner and
 * its noun names that event; it says nothing of when words about it were said.
 */
export function modifiesANoun(tokens: Token[], mention: DateMention): boolean {
  const first = firstEndingAfter(tokens, mention.start);
  const after = firstEndingAfter(tokens, mention.end - 1) + 1;
  return tokens[first - 1]?.pos === "DET" && tokens[after]?.pos === "NOUN" && tokens[after].start <= mention.end + 1 && !namesTheSetting(tokens, first - 1);
}

const SETTING_PREPOSITIONS = new Set(["at", "during"]);

/** "said at a Tuesday Cabinet meeting", "told a Friday briefing": the event is where the words were said. */
function namesTheSetting(tokens: Token[], determiner: number): boolean {
  const before = tokens[determiner - 1];
  return before !== undefined && (SETTING_PREPOSITIONS.has(before.normal) || (before.pos === "VERB" && before.lemma === "tell"));
}

/**
 * A news occasion is named by its weekday or as "today" or "yesterday"; a calendar date, a month
 * or a week in an opening is more often the background ("the March 4 attack", "in July").
 */
export const OCCASION_KINDS = new Set<DateExpr["kind"]>(["weekday", "relativeDay", "dayOfMonth"]);

/**
 * The day of the article's occasion: the first date phrase of its standfirst or lede (the lines
 * before the first paragraph of prose, and that paragraph), whatever verb carries it ("as the two
 * met on Monday", "at a rally on Saturday"). Reports give the day once and then quote for
 * paragraphs; a statement whose attribution gives no day of its own was said on that occasion.
 * An opening without a day may still place its news by an event "earlier on Tuesday": that day.
 */
export function occasionOf(analyzed: AnalyzedText, layout: Paragraph[], quotes: QuoteSpan[]): DateMention | null {
  const { text } = analyzed;
  const last = lastOpeningParagraph(layout);
  if (last < 0) return null;
  const end = layout[last].end;
  const outsideQuotes = (d: DateMention) => !insideAny(d.start, quotes);
  const opening = findDateMentions(text.slice(0, end)).filter(outsideQuotes);
  return (
    opening.find((d) => OCCASION_KINDS.has(d.expr.kind) && !isDateline(d, text) && !startsASpan(text, d) && !inRelativeClause(analyzed, d)) ??
    opening.find((d) => d.expr.kind === "day" && (isOwnDateLine(d, text, layout) || isEventDayAboveProse(d, text, layout))) ??
    findDateMentions(text).find((d) => outsideQuotes(d) && OCCASION_KINDS.has(d.expr.kind) && isSameDayAsTheNews(d, text)) ??
    null
  );
}

const RELATIVE_PRONOUNS = new Set(["who", "which", "whom", "whose"]);
/** Before a noun, these make it the words' own vehicle: "in a statement issued on Monday". */
const VEHICLE_PREPOSITIONS = new Set(["in", "during", "at", "through", "via"]);
const CLAUSE_MARKS = new Set([",", ";", ":", "(", ")", "–", "—"]);
/** A date right after a quotation is the clause's around it: "urged action against “threats posed by X” on Tuesday". */
const QUOTATION_MARKS = new Set(['"', "“", "”", "«", "»"]);
const NOUN_PHRASE_POS = new Set(["DET", "ADJ", "NOUN", "NUM", "PROPN"]);

/**
 * "following an attack carried out in the capital on Friday", "in response to comments made at a
 * rally on Sunday", "an officer who was killed on Friday": a phrase in a relative clause dates the
 * event that clause describes, not the news the opening reports.
 */
export function inRelativeClause(analyzed: AnalyzedText, mention: DateMention): boolean {
  const { tokens, sentences } = analyzed;
  const first = sentences[firstEndingAfter(sentences, mention.start)]?.firstToken ?? 0;
  let verbSeen = false;
  for (let k = firstEndingAfter(tokens, mention.start) - 1; k >= first; k--) {
    const token = tokens[k];
    if (RELATIVE_PRONOUNS.has(token.normal)) return true;
    if (CLAUSE_MARKS.has(token.normal) || QUOTATION_MARKS.has(token.normal)) return false;
    if (!verbSeen && (token.pos === "VERB" || token.pos === "AUX")) {
      if (isReducedRelative(tokens, k, first)) return true;
      verbSeen = true;
    }
  }
  return false;
}

/**
 * "comments made by …": a participle right after a common noun, in a sentence whose own verb came
 * before ("The two leaders met on Monday" has none, so "met" is that verb).
 */
function isReducedRelative(tokens: Token[], verb: number, first: number): boolean {
  const word = tokens[verb];
  const participle = word.pos === "VERB" && (/(?:ed|en)$/.test(word.normal) || (word.lemma !== "" && word.lemma !== word.normal && !/(?:s|ing)$/.test(word.normal)));
  if (!participle || !isNounLike(tokens, verb - 1)) return false;
  let before = verb - 2;
  while (before >= first && (NOUN_PHRASE_POS.has(tokens[before].pos) || /^[’']s$/.test(tokens[before].normal))) before--;
  if (before >= first && VEHICLE_PREPOSITIONS.has(tokens[before].normal)) return false;
  for (let k = first; k <= before; k++) if (tokens[k].pos === "VERB" || tokens[k].pos === "AUX") return true;
  return false;
}

/** A common noun, or a plural one the tagger read as a verb ("in response to comments made …"). */
function isNounLike(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  if (token?.pos === "NOUN") return true;
  return token?.pos === "VERB" && token.normal.endsWith("s") && ["DET", "ADP", "PART", "ADJ"].includes(tokens[index - 1]?.pos ?? "");
}

/** "Earlier on Tuesday, the ministry had …", "later Monday": an event of the news's own day. */
function isSameDayAsTheNews(mention: DateMention, text: string): boolean {
  return /\b(?:earlier|later)\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, mention.start - 12), mention.start));
}

/**
 * "X gives a press conference in Lima on August 8, 2018. (Photo by AFP)": a line above the prose
 * (a standfirst or a caption) that puts an event on a calendar day names the occasion's day.
 */
function isEventDayAboveProse(mention: DateMention, text: string, layout: Paragraph[]): boolean {
  const firstProse = layout.find((p) => p.prose);
  return firstProse !== undefined && mention.end <= firstProse.start && /\bon\s+$/i.test(text.slice(Math.max(0, mention.start - 4), mention.start));
}

/**
 * The report's own day printed at its top, as a dateline ("KUWAIT, Jan 5 (KUNA) –") or a line of
 * its own under the headline ("August 2, 2019"): when the opening names no weekday, the news it
 * reports is of that day.
 */
function isOwnDateLine(mention: DateMention, text: string, layout: Paragraph[]): boolean {
  if (isDateline(mention, text)) return true;
  const paragraph = layout.find((p) => mention.start >= p.start && mention.end <= p.end);
  return paragraph !== undefined && !paragraph.prose && /^[\s\p{P}]*$/u.test(text.slice(paragraph.start, mention.start) + text.slice(mention.end, paragraph.end).replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ""));
}

/** Paragraphs of prose the opening runs to: the lede and the one after it (and any summary points above). */
const OPENING_PROSE_PARAGRAPHS = 2;

/**
 * The index of the opening's last paragraph, -1 when there is no prose. A lede that sums the news
 * up without its day is often followed by the paragraph that gives it ("The development came on
 * Wednesday, after …").
 */
export function lastOpeningParagraph(layout: Paragraph[]): number {
  let last = -1;
  let prose = 0;
  for (let p = 0; p < layout.length && prose < OPENING_PROSE_PARAGRAPHS; p++) {
    if (!layout[p].prose) continue;
    last = p;
    if (!layout[p].point) prose++;
  }
  return last;
}

/**
 * An article's prose date phrases by position. They are in text order without overlapping
 * (findDateMentions drops overlapping ones), so their starts and ends increase: the last one
 * starting by a position is the only one that can cover it.
 */
export class ProseDates {
  constructor(
    readonly mentions: DateMention[],
    private readonly tokens: Token[],
  ) {}

  /** The token is part of a date phrase, or is the "on" right before one. */
  covers(tokenIndex: number): boolean {
    const token = this.tokens[tokenIndex];
    const next = this.tokens[tokenIndex + 1];
    return this.covering(token.start, token.end) || (token.normal === "on" && next !== undefined && this.startingAt(next.start) !== undefined);
  }

  private covering(start: number, end: number): boolean {
    const last = this.mentions[firstIndexWhere(this.mentions.length, (i) => this.mentions[i].start > start) - 1];
    return last !== undefined && end <= last.end;
  }

  private startingAt(position: number): DateMention | undefined {
    const date = this.mentions[firstStartingAtOrAfter(this.mentions, position)];
    return date?.start === position ? date : undefined;
  }

  /** The first date starting within `reach` characters after `position`. */
  startingNear(position: number, reach: number): DateMention | undefined {
    const date = this.mentions[firstStartingAtOrAfter(this.mentions, position)];
    return date && date.start - position <= reach ? date : undefined;
  }
}
