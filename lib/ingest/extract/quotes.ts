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
      } else if ((openedWith === '"' && ch === '"') || (openedWith !== '"' && CLOSING.has(ch) && ch !== openedWith)) {
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
