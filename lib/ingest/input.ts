// Input validation and parsing of one article file: bytes in, ParsedArticle out.
// Pure: no file system access; the caller reads the bytes.

import { createHash } from "node:crypto";
import matter from "gray-matter";
import type { ISODate, ParsedArticle, PublishedFrom } from "../core/types";
import { findPublicationDate, findYearlessDateline } from "./dates";
import { isValidISODate, toISODate } from "../core/days";
import { articleText, reduceHtml } from "./html/page";
import { decodeAs, declaredCharset, isKnownCharset } from "./html/charset";

/** Largest accepted file, in bytes. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** A file that is not a plain-text article; the message names the file and the reason. */
export class InputRejected extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = "InputRejected";
    this.path = path;
    this.reason = reason;
  }
}

// ---------------------------------------------------------------------------------------------
// Byte-level checks

/** Share of C0 control bytes (other than tab, newlines, form feed) above which a file is binary. */
const CONTROL_SHARE_LIMIT = 0.01;
const CONTROL_COUNT_MIN = 4;

function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f;
}

/** Offset of the first byte that does not start/continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** One decoder for every file: decoding without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const UTF8_NAMES = new Set(["utf-8", "utf8", "unicode-1-1-utf-8"]);

/**
 * The file's text: UTF-8, or for a saved web page that declares another character set in its
 * markup (windows-1252, ISO-8859-1, Shift_JIS…), that one.
 */
function decodeUtf8(path: string, bytes: Buffer): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const charset = declaredCharset(bytes);
    if (!UTF8_NAMES.has(charset) && isKnownCharset(charset) && looksLikeHtml(bytes.subarray(0, 4096).toString("latin1"))) return decodeAs(bytes, charset);
    const at = firstInvalidUtf8Offset(bytes);
    throw new InputRejected(path, `not UTF-8 text (invalid byte sequence at offset ${at >= 0 ? at : "unknown"})`);
  }
}

function checkBytes(path: string, bytes: Buffer): void {
  if (bytes.length === 0) throw new InputRejected(path, "empty file");
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputRejected(path, `too large (${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes = 5 MB)`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputRejected(path, "not UTF-8 text (starts with a UTF-16 byte order mark)");
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputRejected(path, `binary data, not text (NUL byte at offset ${nul})`);
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) if (isControlByte(bytes[i])) controls++;
  if (controls >= CONTROL_COUNT_MIN && controls > bytes.length * CONTROL_SHARE_LIMIT) {
    const pct = ((100 * controls) / bytes.length).toFixed(1);
    throw new InputRejected(path, `binary data, not text (${controls} control characters, ${pct}% of the bytes)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Text-level checks

const HTML_START_RE = /^\s*<(?:!doctype\b|html\b|head\b|body\b|\?xml\b)/i;
const HTML_TAG_RE =
  /<\/?(?:p|div|span|script|style|a|br|hr|html|head|body|title|table|thead|tbody|tr|td|th|li|ul|ol|h[1-6]|meta|link|img|article|section|header|footer|nav|main|aside|iframe|form|input|button|b|i|em|strong|blockquote|figure|figcaption|noscript|svg)(?:\s[^<>]*)?\/?>/gi;
/** This many HTML tags make a file an HTML document rather than text mentioning a tag. */
const HTML_TAG_LIMIT = 4;

/** Whether `text` is an HTML document (or a fragment of one) rather than text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  if (HTML_START_RE.test(text)) return true;
  let tags = 0;
  HTML_TAG_RE.lastIndex = 0;
  while (tags < HTML_TAG_LIMIT && HTML_TAG_RE.exec(text) !== null) tags++;
  return tags >= HTML_TAG_LIMIT;
}

/** An HTML page's article as text with front matter, or InputRejected saying why it has none. */
function htmlAsText(path: string, html: string): string {
  const reduced = reduceHtml(html, /^https?:\/\//i.test(path) ? path : undefined);
  if (!reduced.ok) throw new InputRejected(path, reduced.reason);
  return normalizeText(articleText(reduced.article));
}

/** What normalizeText changes besides the Unicode form: most texts have none of it, and one scan finds that. */
const NEEDS_CLEANING = /^\uFEFF|[\r\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function normalizeText(decoded: string): string {
  if (!NEEDS_CLEANING.test(decoded)) return decoded.normalize("NFC");
  return decoded
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Front matter

interface FrontMatter {
  date: ISODate | null;
  source: string | null;
  url: string | null;
  title: string | null;
}

const OPEN_RE = /^---[ \t]*(?:\n|$)/;
const OPEN_WITH_LANGUAGE_RE = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*(?:\n|$)/;
const CLOSE_RE = /^---[ \t]*$/m;

function refuseEngine(): never {
  throw new Error("only YAML front matter is supported");
}

interface YamlError {
  reason?: string;
  message?: string;
  mark?: { line?: number };
}

function textField(path: string, data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  if (v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number") {
    const s = String(v).replace(/\s+/g, " ").trim();
    return s === "" ? null : s;
  }
  throw new InputRejected(path, `front matter field "${key}" must be text`);
}

function dateField(path: string, data: Record<string, unknown>, rawMatter: string): ISODate | null {
  const v = data.date;
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) {
    // js-yaml turns an impossible day like 2026-02-30 into a Date that rolls over (2026-03-02):
    // check the day as written.
    const written = /^date[ \t]*:[ \t]*["']?(\d{4}-\d{1,2}-\d{1,2})/m.exec(rawMatter)?.[1];
    const ymd = written?.replace(/-(\d)(?!\d)/g, "-0$1");
    if (Number.isNaN(v.getTime()) || (ymd !== undefined && !isValidISODate(ymd))) {
      throw new InputRejected(path, `front matter field "date" is not a valid YYYY-MM-DD date (got ${JSON.stringify(written ?? String(v))})`);
    }
    return toISODate(v);
  }
  const s = typeof v === "string" ? v.trim() : null;
  if (s !== null && isValidISODate(s)) return s;
  throw new InputRejected(path, `front matter field "date" is not a valid YYYY-MM-DD date (got ${JSON.stringify(v)})`);
}

/** Split off YAML front matter; returns its fields and the body text after it. */
function splitFrontMatter(path: string, text: string): { fm: FrontMatter; body: string } {
  const none: FrontMatter = { date: null, source: null, url: null, title: null };
  if (!text.startsWith("---")) return { fm: none, body: text };
  if (/^----/.test(text)) return { fm: none, body: text }; // a rule of dashes, not a delimiter
  const lang = OPEN_WITH_LANGUAGE_RE.exec(text);
  if (lang && !/^ya?ml$/i.test(lang[1])) {
    throw new InputRejected(path, `front matter in "${lang[1]}" is not supported (only YAML)`);
  }
  if (!OPEN_RE.test(text) && !lang) return { fm: none, body: text }; // "--- text" on the first line
  const afterOpen = text.slice(text.indexOf("\n") + 1);
  if (text.indexOf("\n") < 0 || !CLOSE_RE.test(afterOpen)) {
    throw new InputRejected(path, `front matter opened with "---" on line 1 is never closed`);
  }
  // gray-matter copies the whole text it is given into a Buffer: it is given only the front matter,
  // up to the first "\n---" (the delimiter it closes at), and the body is what follows that.
  const close = text.indexOf("\n---", 3) + "\n---".length;
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also bypasses gray-matter's cache, which would otherwise hand back an
    // unparsed entry the second time the same malformed text is parsed.
    parsed = matter(text.slice(0, close), { engines: { javascript: refuseEngine, js: refuseEngine, coffee: refuseEngine } });
  } catch (e) {
    const err = e as YamlError;
    const reason = (err.reason ?? err.message ?? String(e)).split("\n")[0];
    const line = typeof err.mark?.line === "number" ? ` at line ${err.mark.line + 2}` : "";
    throw new InputRejected(path, `malformed YAML front matter${line}: ${reason}`);
  }
  // As gray-matter takes the body: after the delimiter and its line break (already "\n" alone here).
  const body = text.slice(text[close] === "\n" ? close + 1 : close);
  const data: unknown = parsed.data;
  if (data === null || data === undefined) return { fm: none, body };
  if (typeof data !== "object" || Array.isArray(data) || data instanceof Date) {
    throw new InputRejected(path, "malformed YAML front matter: not a list of key: value fields");
  }
  const d = data as Record<string, unknown>;
  return {
    fm: { date: dateField(path, d, parsed.matter ?? ""), source: textField(path, d, "source"), url: textField(path, d, "url"), title: textField(path, d, "title") },
    body,
  };
}

// ---------------------------------------------------------------------------------------------
// Body

/** Exactly the code units /\s/ matches, without a regex call per character. */
function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * White space that collapse() would change: any but the space, two spaces in a row, a leading or a
 * trailing space. One regex test is several times cheaper than a loop over the characters, and
 * nothing in it backtracks over a run.
 */
const UNCOLLAPSED_RE = /[^\S ]| {2}|^ | $/;

/** No white space but single spaces between words: most lines are already collapsed. */
function isCollapsed(s: string): boolean {
  return !UNCOLLAPSED_RE.test(s);
}

/**
 * Whitespace runs to one space, trimmed. A loop rather than `/\s+/g`: V8's regex engine
 * keeps a backtrack entry per character of a run, and a multi-megabyte run of spaces
 * (a padded file) can exhaust that stack.
 */
export function collapse(s: string): string {
  if (isCollapsed(s)) return s;
  let out = "";
  let start = -1;
  let pendingSpace = false;
  for (let i = 0; i <= s.length; i++) {
    const isSpace = i < s.length && isWhiteSpaceCode(s.charCodeAt(i));
    if (i < s.length && !isSpace) {
      if (start < 0) {
        if (pendingSpace && out !== "") out += " ";
        start = i;
      }
      continue;
    }
    if (start >= 0) {
      out += s.slice(start, i);
      start = -1;
    }
    pendingSpace = true;
  }
  return out;
}

/** Lines longer than this mean the file is not hard-wrapped. */
const WRAP_WIDTH = 100;
/** A first line longer than this is prose, not a headline. */
const HEADLINE_MAX = 200;

/**
 * Paragraphs of the body: each non-empty line is a paragraph, except that blank-line-separated
 * blocks of a hard-wrapped file (no line longer than 100 characters, lines inside a block not
 * ending a sentence) are joined into one paragraph.
 */
export function splitParagraphs(body: string): string[] {
  const lines = body.split("\n");
  return paragraphsOfLines(lines, lines.map(collapse));
}

/** A list item's mark at the start of a line: a bullet, an asterisk or a dash, then space. */
export const LIST_ITEM_MARK = /^\s*[•·▪◦‣*–—-]\s+/u;

/** A line of spaces, tabs and no-break spaces only: it ends a block. */
const BLOCK_BREAK_RE = /^[ \t\u00a0]*$/;

/**
 * splitParagraphs of a body already split into lines, given each line collapsed too (parseArticle
 * has them). A blank line between two others separates blocks; any other empty line collapses to
 * nothing and is dropped, so its block is the same either way.
 */
function paragraphsOfLines(lines: string[], collapsedLines: string[]): string[] {
  const wrapped = lines.every((l) => l.trim().length <= WRAP_WIDTH);
  const out: string[] = [];
  let block: string[] = [];
  for (let k = 0; k <= lines.length; k++) {
    const endsBlock = k === lines.length || (k > 0 && k < lines.length - 1 && BLOCK_BREAK_RE.test(lines[k]));
    if (!endsBlock) {
      if (collapsedLines[k] !== "") block.push(collapsedLines[k]);
      continue;
    }
    if (block.length === 0) continue;
    const bl = block;
    block = [];
    // A list's items stay apart: each is a line of its own, not a wrapped sentence.
    if (wrapped && bl.length >= 2 && !bl.slice(1).some((line) => LIST_ITEM_MARK.test(line))) {
      const inner = bl.slice(0, -1);
      const open = inner.filter((l) => !/[.!?:"”’)\]]$/.test(l)).length;
      if (open * 2 >= inner.length) {
        // Collapsed non-empty lines joined by one space are collapsed already.
        out.push(bl.join(" "));
        continue;
      }
    }
    // One by one: spreading a block of a million lines as arguments overflows the stack.
    for (const line of bl) out.push(line);
  }
  return out;
}

/**
 * A paragraph longer than this is cut at sentence ends into several. Analysis relates every quote,
 * name and date of a paragraph to the others around it, so one huge paragraph costs far more than
 * the same words in many; news paragraphs stay well below it.
 */
export const MAX_PARAGRAPH_CHARS = 3000;
/**
 * A run without a sentence end longer than this is cut at a clause mark or a space: a sentence is
 * the unit of a statement, so its length bounds every statement's text and the work per word.
 */
export const MAX_SENTENCE_CHARS = 1000;

/** A sentence's end: its stop and any closing marks after it, before a space. */
const SENTENCE_END_RE = /[.!?…]["”’»)\]]*(?= )/g;

/** Paragraphs no longer than MAX_PARAGRAPH_CHARS, with no sentence longer than MAX_SENTENCE_CHARS. */
export function boundedParagraphs(paragraphs: string[]): string[] {
  return paragraphs.every((p) => p.length <= MAX_SENTENCE_CHARS) ? paragraphs : paragraphs.flatMap(cutParagraph);
}

function cutParagraph(p: string): string[] {
  if (p.length <= MAX_SENTENCE_CHARS) return [p];
  const pieces: string[] = [];
  let start = 0;
  let lastEnd = 0;
  const cut = (at: number) => {
    pieces.push(p.slice(start, at).trim());
    start = lastEnd = at;
  };
  const ends = [...p.matchAll(SENTENCE_END_RE)].map((m) => m.index + m[0].length);
  for (const end of [...ends, p.length]) {
    while (end - lastEnd > MAX_SENTENCE_CHARS) {
      if (lastEnd > start) cut(lastEnd);
      cut(breakWithin(p, lastEnd, lastEnd + MAX_SENTENCE_CHARS));
    }
    if (end - start > MAX_PARAGRAPH_CHARS) cut(lastEnd);
    lastEnd = end;
  }
  cut(p.length);
  return pieces.filter((piece) => piece !== "");
}

/** Marks after which a run may be cut, each with the space that follows it. */
const CLAUSE_MARKS = [", ", "; ", ": ", " — ", " – "];

/** Where to cut a run from `from` before `to`: after its last clause mark, else its last space, in its second half; else at `to`. */
function breakWithin(p: string, from: number, to: number): number {
  const half = from + Math.floor((to - from) / 2);
  const window = p.slice(half, to);
  const afterClause = Math.max(...CLAUSE_MARKS.map((mark) => (window.includes(mark) ? window.lastIndexOf(mark) + mark.length : -1)));
  if (afterClause > 0) return half + afterClause;
  const space = window.lastIndexOf(" ");
  if (space > 0) return half + space + 1;
  // Not between the two halves of a surrogate pair.
  return /[\uDC00-\uDFFF]/.test(p[to] ?? "") ? to - 1 : to;
}

const PROSE_MIN_WORDS = 6;

function isProse(p: string): boolean {
  return (p.match(/\p{L}{2,}/gu) ?? []).length >= PROSE_MIN_WORDS;
}

function sameWords(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return n(a) === n(b);
}

function shortTitle(p: string): string {
  // Drop a leading dateline ("Washington, January 9, 2026 – ") and take the first sentence.
  const undated = p.replace(/^.{0,80}?\b\d{4}\s*[:–—-]+\s+/u, "");
  const sentence = /^(.{20,}?\p{Ll}{2}[.!?])\s/u.exec(undated)?.[1] ?? undated;
  if (sentence.length <= 120) return sentence;
  const cut = sentence.slice(0, 120);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), 60)).trim() + "…";
}

/**
 * sha256 of the body with all whitespace normalized, from its lines each collapsed: front matter
 * and blank lines do not count.
 */
function hashBody(collapsedLines: string[]): string {
  const normalized = collapsedLines.filter((l) => l !== "").join("\n");
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}

// ---------------------------------------------------------------------------------------------

/**
 * Validate and parse one article file. An HTML page is first reduced to its article with its
 * headline, day, outlet and address as front matter (./html/page.ts); `path`, when it is an http(s)
 * address, is the page's. Throws InputRejected when the file is empty or only whitespace, larger
 * than 5 MB, binary, not UTF-8, an HTML page without an article, has malformed front matter (or a
 * bad date field), or has no paragraph of prose.
 */
export function parseArticle(path: string, bytes: Buffer): ParsedArticle {
  checkBytes(path, bytes);
  const text = normalizeText(decodeUtf8(path, bytes));
  if (text.trim() === "") throw new InputRejected(path, "empty file (only whitespace)");
  const articleSource = looksLikeHtml(text) ? htmlAsText(path, text) : text;

  const { fm, body } = splitFrontMatter(path, articleSource);
  const lines = body.split("\n");
  const collapsedLines = lines.map(collapse);
  const firstLine = collapsedLines.findIndex((l) => l !== "");
  if (firstLine < 0) throw new InputRejected(path, "no text after the front matter");

  let title: string;
  let paragraphs: string[];
  const headline = collapsedLines[firstLine];
  if (fm.title !== null) {
    title = fm.title;
    const all = paragraphsOfLines(lines, collapsedLines);
    paragraphs = all.length > 0 && sameWords(all[0], fm.title) ? all.slice(1) : all;
  } else if (headline.length <= HEADLINE_MAX) {
    // The first non-empty line is the headline, even when a paragraph follows without a blank line.
    title = headline;
    paragraphs = paragraphsOfLines(lines.slice(firstLine + 1), collapsedLines.slice(firstLine + 1));
  } else {
    // No headline: the first line is already prose. Title it by its first sentence and keep it.
    title = shortTitle(headline);
    paragraphs = paragraphsOfLines(lines, collapsedLines);
  }
  paragraphs = boundedParagraphs(paragraphs);
  if (!paragraphs.some(isProse)) {
    throw new InputRejected(path, `no paragraph of prose (need a paragraph of at least ${PROSE_MIN_WORDS} words besides the headline)`);
  }

  let published: ISODate | null = null;
  let publishedFrom: PublishedFrom = "unknown";
  if (fm.date !== null) {
    published = fm.date;
    publishedFrom = "front-matter";
  } else {
    const found = findPublicationDate(paragraphs);
    if (found) {
      published = found.date;
      publishedFrom = found.from;
    }
  }
  const datelineDay = published === null ? findYearlessDateline(paragraphs) : null;

  return {
    path,
    contentHash: hashBody(collapsedLines),
    title,
    source: fm.source,
    url: fm.url,
    published,
    publishedFrom,
    datelineDay,
    paragraphs,
  };
}
