import { firstEndingAtOrAfter } from "./positions";

/** A quotation in a text: `start`/`end` bound the quoted words, without the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** The closing mark was missing: the quote runs to the end of its paragraph. */
  open: boolean;
}

const OPENING = new Set(["“", "«", "„"]);
const CLOSING = new Set(["”", "»", "“"]);
/** Every character the scan below acts on, by code: the rest of a paragraph is skipped. */
const IS_QUOTE_MARK = new Uint8Array(65536);
for (const mark of [...OPENING, ...CLOSING, '"']) IS_QUOTE_MARK[mark.charCodeAt(0)] = 1;

/**
 * Finds double-quoted spans paragraph by paragraph (a quote never crosses a blank line here;
 * news style reopens the mark in each paragraph of a long quote). Straight quotes alternate.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let paragraphStart = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const base = text.indexOf(paragraph, paragraphStart);
    paragraphStart = base + paragraph.length;
    let openAt = -1;
    let openedWith = "";
    for (let i = 0; i < paragraph.length; i++) {
      if (IS_QUOTE_MARK[paragraph.charCodeAt(i)] === 0) continue;
      const ch = paragraph[i];
      if (openAt < 0) {
        if (OPENING.has(ch) || ch === '"') {
          openAt = i;
          openedWith = ch;
        }
      } else if ((openedWith === '"' && ch === '"') || (openedWith !== '"' && (CLOSING.has(ch) || ch === '"') && ch !== openedWith)) {
        // A typographic quote closed by a straight mark ("“These are fascists," he added") is closed.
        if (i > openAt + 1) spans.push({ start: base + openAt + 1, end: base + i, open: false });
        openAt = -1;
      } else if (openedWith === "“" && ch === "“") {
        // A second opening mark before any closing one: the first was never closed.
        openAt = i;
      }
    }
    if (openAt >= 0 && paragraph.length > openAt + 1) {
      spans.push({ start: base + openAt + 1, end: base + paragraph.length, open: true });
    }
    const doubled = spans.filter((span) => span.start >= base);
    const singles = (SINGLE_OPENING.test(paragraph) ? singleQuoted(paragraph, base) : []).filter((single) => !doubled.some((span) => single.start <= span.end + 1 && single.end >= span.start - 1));
    if (singles.length) spans.splice(spans.length - doubled.length, doubled.length, ...[...doubled, ...singles].sort((a, b) => a.start - b.start));
  }
  return spans;
}

/** A single mark that could open a quotation: after a space or bracket, before a letter or digit. */
const SINGLE_OPENING = /(?:^|[\s(\[—–-])[‘'][\p{L}\p{N}]/u;

/**
 * Single-quoted spans, as British style prints quotations ('a complete misjudgement'): a mark
 * opening a word after a space or bracket, closed by a mark ending a word before a space or
 * punctuation. An apostrophe inside a word (Japan's, don't) neither opens nor closes; one quoted
 * inside double quotation marks is the speaker's own quoting and is dropped by the caller.
 */
function singleQuoted(paragraph: string, base: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const pattern = /(?<=^|[\s(\[—–-])[‘'](?=[\p{L}\p{N}])((?:[^‘’'\n]|(?<=\p{L})['’](?=\p{L}))*?[\p{L}\p{N}.!?])[’'](?=$|[\s.,;:!?)\]—–-])/gu;
  for (const match of paragraph.matchAll(pattern)) {
    const start = base + match.index! + 1;
    spans.push({ start, end: start + match[1].length, open: false });
  }
  return spans;
}

/**
 * Within a span or on one of its marks. `spans` must be sorted with starts and ends never decreasing,
 * as findQuotes returns them (each quote opens after the previous one closed): only the first span
 * not ending before `position` can then hold it.
 */
export function insideAny(position: number, spans: readonly { start: number; end: number }[]): boolean {
  const span = spans[firstEndingAtOrAfter(spans, position)];
  return span !== undefined && position >= span.start - 1;
}
