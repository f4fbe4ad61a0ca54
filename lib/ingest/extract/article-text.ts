import type { Span } from "../features";
import type { AnalyzedText, Token } from "../nlp";
import { firstEndingAfter, firstEndingAtOrAfter } from "./positions";
import type { QuoteSpan } from "./quotes";
import { LIST_ITEM_MARK } from "../input";

export interface Paragraph {
  start: number;
  end: number;
  /** Captions, headings and repeated lines carry no statements and no dates for them. */
  prose: boolean;
  /** A summary point under the headline ("• Egypt accuses Ethiopia of provocation"): prose of the standfirst, not the lede. */
  point?: boolean;
}

const TERMINAL = /[.!?"”’)\]:]$/;

/** A caption ends with its photo's credit: "(Reuters | Jane Doe)", "(Photo by AFP)", "(File photo: AP)". */
const PHOTO_CREDIT = /\((?:[^()]*\|[^()]*|(?:file\s+)?(?:photo|picture|image)s?\b[^()]*)\)\s*$/i;

/**
 * The paragraph's last quotation mark opens a quotation that never closes: a stored copy cut off
 * mid-quote ("Ruiz said: “This needs to be resolved in the next"), prose rather than a heading.
 */
function endsInOpenQuote(paragraph: string): boolean {
  const last = /[“”«»„"][^“”«»„"]*$/.exec(paragraph);
  if (!last || !/\p{L}/u.test(last[0])) return false;
  const mark = last[0][0];
  if (mark === '"') return (paragraph.split('"').length - 1) % 2 === 1;
  return mark === "“" || mark === "«" || mark === "„";
}

/**
 * A subhead that gives a speaker's words as a label and a quoted phrase without its full stop
 * ("Ruiz: “A Clear Act of Provocation”"): a summary point, like a bulleted one, not the lede.
 */
const QUOTED_SUBHEAD = /^[^“”"\n]{1,40}:\s*[“"][^“”"]*[^“”".!?,\s][“”"]$/;
const QUOTED_SUBHEAD_LENGTH = 140;

/** The paragraphs as one text, blank lines between them, each marked prose or not. */
export function layoutParagraphs(paragraphs: string[]): { text: string; layout: Paragraph[] } {
  const seen = new Map<string, number>();
  for (const p of paragraphs) seen.set(p, (seen.get(p) ?? 0) + 1);
  const layout: Paragraph[] = [];
  // Joined at the end, not built by `+=`: that makes a rope, which V8 flattens on first read but
  // keeps behind an indirection that slows every later charCodeAt of the many scans of the text.
  const parts: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (length > 0) {
      parts.push("\n\n");
      length += 2;
    }
    const start = length;
    parts.push(p);
    length += p.length;
    const caption = (seen.get(p) ?? 0) > 1 || PHOTO_CREDIT.test(p);
    const unended = !TERMINAL.test(p.trim()) && p.length < 140;
    // A summary point under the headline is a sentence without its full stop.
    const point = (unended && LIST_ITEM_MARK.test(p)) || (p.length < QUOTED_SUBHEAD_LENGTH && QUOTED_SUBHEAD.test(p.trim()));
    const heading = unended && !point && !endsInOpenQuote(p);
    layout.push({ start, end: length, prose: !caption && !heading, ...(point && !caption ? { point } : {}) });
  }
  return { text: parts.join(""), layout };
}

/**
 * A paragraph of prose has a verb: one without any ("President Ana Ruiz (C), May 4, 2024.") is a caption or
 * a label, unless it quotes someone. Marks such paragraphs not prose, in place.
 */
export function markVerblessParagraphs(layout: Paragraph[], text: string, tokens: Token[]): void {
  let t = 0;
  for (const paragraph of layout) {
    if (!paragraph.prose) continue;
    while (t < tokens.length && tokens[t].start < paragraph.start) t++;
    let hasVerb = false;
    for (let k = t; k < tokens.length && tokens[k].start < paragraph.end && !hasVerb; k++) hasVerb = tokens[k].pos === "VERB" || tokens[k].pos === "AUX";
    if (!hasVerb && !/["“”«»]/.test(text.slice(paragraph.start, paragraph.end))) paragraph.prose = false;
  }
}

/**
 * An analyzed article and where its paragraphs, sentences and quotes lie. Paragraphs, sentences and
 * quotes come in text order without overlapping, so their starts and ends never decrease: the first
 * one not ending before a position is the only one that can hold it.
 */
export class ArticleText {
  constructor(
    readonly analyzed: AnalyzedText,
    readonly paragraphs: Paragraph[],
    readonly quotes: QuoteSpan[],
  ) {}

  get text(): string {
    return this.analyzed.text;
  }

  paragraphOf(position: number): number {
    const index = firstEndingAtOrAfter(this.paragraphs, position);
    return index < this.paragraphs.length && this.paragraphs[index].start <= position ? index : -1;
  }

  /** Is the paragraph of this index (-1: none) prose? */
  isProse(paragraph: number): boolean {
    return paragraph >= 0 && this.paragraphs[paragraph].prose;
  }

  previousProse(paragraph: number): number {
    for (let p = paragraph - 1; p >= 0; p--) if (this.paragraphs[p].prose) return p;
    return -1;
  }

  /** Nothing but white space before the quote's opening mark in its paragraph. */
  opensParagraph(quote: QuoteSpan): boolean {
    const paragraph = this.paragraphs[this.paragraphOf(quote.start)];
    return this.text.slice(paragraph.start, quote.start - 1).trim() === "";
  }

  /** The sentence holding `position`, else the first one after it. */
  sentenceOf(position: number): number {
    const index = firstEndingAfter(this.analyzed.sentences, position);
    return index < this.analyzed.sentences.length ? index : -1;
  }

  sentenceHolding(position: number): number {
    const index = this.sentenceOf(position);
    return index >= 0 && this.analyzed.sentences[index].start <= position ? index : -1;
  }

  /** Does a quote end after `start` and begin before `end`? */
  quoteOverlaps(start: number, end: number): boolean {
    const quote = this.quotes[firstEndingAfter(this.quotes, start)];
    return quote !== undefined && quote.start < end;
  }

  /** Are these words all inside one quotation? */
  isQuoted(span: Span): boolean {
    const quote = this.quotes[firstEndingAtOrAfter(this.quotes, span.end)];
    return quote !== undefined && quote.start <= span.start;
  }

  /** The window without any quoted words in it. */
  gapsBetweenQuotes(window: Span): Span[] {
    const gaps: Span[] = [];
    let cursor = window.start;
    for (let q = firstEndingAtOrAfter(this.quotes, window.start); q < this.quotes.length; q++) {
      const quote = this.quotes[q];
      if (quote.start > window.end) break;
      if (quote.start - 1 > cursor) gaps.push({ start: cursor, end: quote.start - 1 });
      cursor = Math.max(cursor, quote.end + 1);
    }
    if (cursor < window.end) gaps.push({ start: cursor, end: window.end });
    return gaps;
  }

  /** A quote of several sentences is several statements: outlets quote them separately. */
  quoteSentences(quote: QuoteSpan): Span[] {
    const pieces: Span[] = [];
    const sentences = this.analyzed.sentences;
    for (let s = firstEndingAfter(sentences, quote.start); s < sentences.length && sentences[s].start < quote.end; s++) {
      const sentence = sentences[s];
      const start = Math.max(sentence.start, quote.start);
      const end = Math.min(sentence.end, quote.end);
      if (end <= start) continue;
      let piece = this.text.slice(start, end);
      const leading = piece.length - piece.trimStart().length;
      piece = piece.trim();
      const trimmed = piece.replace(/[\s,;:—–-]+$/, "").replace(/^[\s,;:—–-]+/, "");
      const offset = start + leading + piece.indexOf(trimmed);
      if (!/\p{L}{2,}/u.test(trimmed)) continue;
      pieces.push({ start: offset, end: offset + trimmed.length });
    }
    return pieces;
  }
}
