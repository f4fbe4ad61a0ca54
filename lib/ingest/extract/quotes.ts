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
for (const mark of [...OPENING, ...CLOSING, '"', "‘", "’"]) IS_QUOTE_MARK[mark.charCodeAt(0)] = 1;

/** "‘‘…’’": two single marks typed for a double one, as some wire copy prints them. */
const DOUBLED_SINGLE: Record<string, string> = { "‘": "“", "’": "”" };

/** How many paragraphs without a quotation mark a quotation may run through before it closes. */
const MAX_CARRIED_PARAGRAPHS = 6;

/**
 * Finds double-quoted spans paragraph by paragraph. Straight quotes alternate. A quote left open at
 * the end of its paragraph may run on through paragraphs with no quotation mark, when a later one
 * closes it before opening any ("…life”, reads the post"): each of those paragraphs, and the
 * closing one up to its mark, is a span of its own. News style reopens the mark in each paragraph
 * instead; those quotes stay apart here and the attribution links them.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let paragraphStart = 0;
  let carried: { mark: string; through: QuoteSpan[] } | null = null;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const base = text.indexOf(paragraph, paragraphStart);
    paragraphStart = base + paragraph.length;
    let scanFrom = 0;
    if (carried) {
      const closing = closingOfCarried(paragraph, carried.mark);
      if (closing === NO_MARK && paragraph.trim() !== "") {
        carried.through.push({ start: base, end: base + paragraph.length, open: true });
        if (carried.through.length > MAX_CARRIED_PARAGRAPHS) carried = null;
        continue;
      }
      if (closing >= 0) {
        spans.push(...carried.through);
        if (closing > 0) spans.push({ start: base, end: base + closing, open: false });
        scanFrom = closing + 1;
      }
      carried = null;
    }
    let openAt = -1;
    let openedWith = "";
    for (let i = scanFrom; i < paragraph.length; i++) {
      if (IS_QUOTE_MARK[paragraph.charCodeAt(i)] === 0) continue;
      let ch = paragraph[i];
      if (ch in DOUBLED_SINGLE) {
        if (paragraph[i + 1] !== ch) continue;
        ch = DOUBLED_SINGLE[ch];
        i++; // the pair's second mark: an opening pair's words start after it, a closing pair's end before the first
        if (openAt < 0 && ch === "“") {
          openAt = i;
          openedWith = ch;
          continue;
        }
        if (openAt >= 0 && ch === "”") {
          if (i - 1 > openAt + 1) spans.push({ start: base + openAt + 1, end: base + i - 1, open: false });
          openAt = -1;
        }
        continue;
      }
      if (openAt < 0) {
        // A closing mark set apart from the word before it opens, as careless typing prints it ("he said ” we will …”").
        if (OPENING.has(ch) || ch === '"' || (ch === "”" && opensAfterSpace(paragraph, i))) {
          openAt = i;
          openedWith = ch;
        }
      } else if (
        (openedWith === '"' && ch === '"') ||
        (openedWith !== '"' && (CLOSING.has(ch) || ch === '"') && (ch !== openedWith || ch === "”")) ||
        (ch === "“" && closesAfterWord(paragraph, i))
      ) {
        // A typographic quote closed by a straight mark ("“These are fascists," he added") is closed,
        // as is one closed by an opening mark typed right after its last word.
        if (i > openAt + 1) spans.push({ start: base + openAt + 1, end: base + i, open: false });
        openAt = -1;
      } else if (openedWith === "“" && ch === "“") {
        // A second opening mark before any closing one: the first was never closed.
        openAt = i;
      }
    }
    if (openAt >= 0 && paragraph.length > openAt + 1) {
      spans.push({ start: base + openAt + 1, end: base + paragraph.length, open: true });
      carried = { mark: openedWith, through: [] };
    }
    // This paragraph's spans end the list (spans come in text order): found from its end, not by a scan of the whole list.
    let firstOfParagraph = spans.length;
    while (firstOfParagraph > 0 && spans[firstOfParagraph - 1].start >= base) firstOfParagraph--;
    const doubled = spans.slice(firstOfParagraph);
    const singles = (SINGLE_OPENING.test(paragraph) ? singleQuoted(paragraph, base) : []).filter((single) => !doubled.some((span) => single.start <= span.end + 1 && single.end >= span.start - 1));
    if (singles.length) spans.splice(spans.length - doubled.length, doubled.length, ...[...doubled, ...singles].sort((a, b) => a.start - b.start));
  }
  return spans;
}

/** Right after a word or its punctuation, and before white space or the paragraph's end: an opening mark typed to close ("means,“ the ministry said"). */
function closesAfterWord(paragraph: string, i: number): boolean {
  return i > 0 && /[\p{L}\p{N}.,!?…]/u.test(paragraph[i - 1]) && (i + 1 === paragraph.length || /\s/.test(paragraph[i + 1]));
}

/** After white space (or at the paragraph's start) and before a letter, with at most a space between. */
function opensAfterSpace(paragraph: string, i: number): boolean {
  return (i === 0 || /\s/.test(paragraph[i - 1])) && /^\s?\p{L}/u.test(paragraph.slice(i + 1, i + 3));
}

const NO_MARK = -2;

/**
 * Where a paragraph closes a quote carried into it: the index of its first quotation mark when that
 * mark closes (a typographic closing mark, or a straight one right after a word or punctuation
 * where the paragraph holds an odd number of them); NO_MARK when it has none; -1 otherwise.
 */
function closingOfCarried(paragraph: string, openedWith: string): number {
  let first = -1;
  let straight = 0;
  for (let i = 0; i < paragraph.length; i++) {
    if (IS_QUOTE_MARK[paragraph.charCodeAt(i)] === 0 || paragraph[i] in DOUBLED_SINGLE) continue;
    if (first < 0) first = i;
    if (paragraph[i] === '"') straight++;
  }
  if (first < 0) return NO_MARK;
  const mark = paragraph[first];
  const afterWord = first > 0 && /[\p{L}\p{N}.,!?…)]/u.test(paragraph[first - 1]);
  if (mark === '"') return afterWord && straight % 2 === 1 ? first : -1;
  return openedWith !== '"' && CLOSING.has(mark) && mark !== openedWith && afterWord ? first : -1;
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
