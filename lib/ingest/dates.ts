// Date expressions in news prose: finding them (on top of chrono-node) and resolving them
// against an article's publication day.
//
// Everything here works on ISO calendar days ("YYYY-MM-DD") in UTC; no local time zone is
// ever consulted. chrono-node is only used to *find* expressions and read the components it
// is certain about; what an expression means ("last Friday", "over the weekend") is decided
// here, with a past bias, because the statements we date are reported speech.
//
// Conventions:
// - Weeks in prose start on Sunday (NEWSROOM_WEEK in lib/core/days.ts): "this week" on Thursday
//   2026-01-08 is Sunday 2026-01-04 .. the reference day.
// - Ranges are inclusive. Ranges of relative expressions never extend past the reference day
//   (a range that contains the reference is cut at it): speech cannot be reported before it
//   happens.

import * as chrono from "chrono-node";
import { addDays, daysBetween, daysInMonth, isoDate, isValidDay, isValidISODate, NEWSROOM_WEEK, weekdayOf, weekStartOn } from "../core/days";
import type { DateRange, ISODate } from "../core/types";

/** A date expression as plain data, so it can be stored and re-resolved against another reference day. */
export type DateExpr =
  /** An absolute calendar day; year null when the text gives none ("January 3"). */
  | { kind: "day"; year: number | null; month: number; day: number }
  /** A weekday, 0 = Sunday .. 6 = Saturday. "last" = strictly before the reference day. */
  | { kind: "weekday"; weekday: number; modifier: "none" | "last" }
  /** A day of the month without its month ("said on the 16th"): the latest such day on or before the reference. */
  | { kind: "dayOfMonth"; day: number }
  /** Days relative to the reference: "yesterday" -1, "today" 0, "3 days ago" -3. */
  | { kind: "relativeDay"; offset: number }
  /** "this week", "earlier this week", "last week", "the past week". */
  | { kind: "week"; which: "this" | "earlier-this" | "last" | "past" }
  /** "over the weekend", "this weekend", "last weekend", "the past weekend": always the latest weekend. */
  | { kind: "weekend"; which: "last" }
  /** A calendar month; year null when the text gives none. modifier "last" ("last October") = strictly before the reference month. */
  | { kind: "month"; year: number | null; month: number; modifier?: "last" }
  /** Months relative to the reference: "this month" 0, "last month" -1. */
  | { kind: "relativeMonth"; offset: number };

export interface DateMention {
  /** Offsets into the searched text: text === source.slice(start, end). */
  start: number;
  end: number;
  text: string;
  expr: DateExpr;
}

function singleDay(d: ISODate): DateRange {
  return { from: d, to: d };
}

/** Cut a range that contains the reference day at the reference (past bias). */
function clampToReference(r: DateRange, ref: ISODate): DateRange {
  return r.from <= ref && ref < r.to ? { from: r.from, to: ref } : r;
}

function monthRange(year: number, month: number): DateRange {
  return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
}

// ---------------------------------------------------------------------------------------------
// Resolution

/**
 * The days an expression denotes, relative to the article's publication day, with a past bias.
 * - day with year: absolute (reference not needed). Without year: the latest such day on or before the
 *   reference, unless the reference's year has it within a month after (an upcoming day).
 * - weekday: the latest such day on or before the reference (the reference itself allowed), or the
 *   day after it (a time zone ahead of the report's); modifier "last": strictly before the reference.
 * - dayOfMonth: that day of the reference's month when it is not after the reference, else of the month before.
 * - relativeDay: reference + offset.
 * - week (weeks start on Sunday): "this" = [Sunday, reference]; "earlier-this" = [Sunday, reference − 1]
 *   ([Sunday, Sunday] when the reference is the Sunday); "last" = the previous Sunday–Saturday;
 *   "past" = the seven days before the reference plus the reference, [reference − 7, reference]
 *   ("the past week" is a rolling window, not a calendar week).
 * - weekend: the latest Saturday–Sunday pair that has begun by the reference, cut at the reference
 *   (reference Saturday → that Saturday only; reference Sunday → Saturday–Sunday).
 * - month with year: absolute. Without year: the latest such month on or before the reference month
 *   (modifier "last": strictly before), cut at the reference.
 * - relativeMonth: the month offset from the reference month, cut at the reference.
 * With reference null only absolute expressions (day or month with a year) resolve; all else is null.
 */
/** How far after the reference a day without a year is read as upcoming rather than last year's. */
const UPCOMING_DAYS = 31;

export function resolveDateExpr(expr: DateExpr, reference: ISODate | null): DateRange | null {
  if (expr.kind === "day" && expr.year !== null) {
    return isValidDay(expr.year, expr.month, expr.day) ? singleDay(isoDate(expr.year, expr.month, expr.day)) : null;
  }
  if (expr.kind === "month" && expr.year !== null) {
    return expr.month >= 1 && expr.month <= 12 ? monthRange(expr.year, expr.month) : null;
  }
  if (reference === null || !isValidISODate(reference)) return null;
  const ref = reference;
  const refYear = Number(ref.slice(0, 4));
  const refMonth = Number(ref.slice(5, 7));

  switch (expr.kind) {
    case "day": {
      if (expr.month < 1 || expr.month > 12 || expr.day < 1 || expr.day > 31) return null;
      // A day in the coming weeks is that day ("campaigning for a March 15 election"), not last year's.
      if (isValidDay(refYear, expr.month, expr.day)) {
        const ahead = daysBetween(ref, isoDate(refYear, expr.month, expr.day));
        if (ahead > 0 && ahead <= UPCOMING_DAYS) return singleDay(isoDate(refYear, expr.month, expr.day));
      }
      // Latest occurrence on/before the reference; Feb 29 may need to go back several years.
      for (let y = refYear; y >= refYear - 8; y--) {
        if (!isValidDay(y, expr.month, expr.day)) continue;
        const d = isoDate(y, expr.month, expr.day);
        if (d <= ref) return singleDay(d);
      }
      return null;
    }
    case "weekday": {
      if (!Number.isInteger(expr.weekday) || expr.weekday < 0 || expr.weekday > 6) return null;
      let back = (weekdayOf(ref) - expr.weekday + 7) % 7;
      if (back === 0 && expr.modifier === "last") back = 7;
      // The day after the reference: a report dated in a time zone behind the place of the news
      // ("on Friday" in a paper dated Thursday, of an event in Asia) means that adjacent day.
      if (back === 6 && expr.modifier === "none") return singleDay(addDays(ref, 1));
      return singleDay(addDays(ref, -back));
    }
    case "dayOfMonth": {
      if (!Number.isInteger(expr.day) || expr.day < 1 || expr.day > 31) return null;
      const refDay = Number(ref.slice(8, 10));
      const [year, month] = expr.day <= refDay ? [refYear, refMonth] : refMonth === 1 ? [refYear - 1, 12] : [refYear, refMonth - 1];
      return isValidDay(year, month, expr.day) ? singleDay(isoDate(year, month, expr.day)) : null;
    }
    case "relativeDay":
      return singleDay(addDays(ref, expr.offset));
    case "week": {
      const weekStart = weekStartOn(ref, NEWSROOM_WEEK);
      switch (expr.which) {
        case "this":
          return { from: weekStart, to: ref };
        case "earlier-this":
          return ref > weekStart ? { from: weekStart, to: addDays(ref, -1) } : { from: weekStart, to: ref };
        case "last":
          return { from: addDays(weekStart, -7), to: addDays(weekStart, -1) };
        case "past":
          return { from: addDays(ref, -7), to: ref };
      }
      return null;
    }
    case "weekend": {
      const wd = weekdayOf(ref);
      // Saturday of the latest weekend that has begun by the reference.
      const saturday = addDays(ref, -((wd + 1) % 7));
      return clampToReference({ from: saturday, to: addDays(saturday, 1) }, ref);
    }
    case "month": {
      if (expr.month < 1 || expr.month > 12) return null;
      const strictlyBefore = expr.modifier === "last";
      const sameYear = strictlyBefore ? expr.month < refMonth : expr.month <= refMonth;
      return clampToReference(monthRange(sameYear ? refYear : refYear - 1, expr.month), ref);
    }
    case "relativeMonth": {
      const index = refYear * 12 + (refMonth - 1) + expr.offset;
      const year = Math.floor(index / 12);
      return clampToReference(monthRange(year, index - year * 12 + 1), ref);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Finding expressions

// chrono needs a reference instant; the components we read never depend on it (relative
// expressions are classified from their words), so a fixed one keeps this function pure.
const CHRONO_REF = { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 0 };

const MONTH_NAME_RE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const FULL_WEEKDAY_RE = /\b(?:sun|mon|tues|wednes|thurs|fri|satur)day\b/i;
const ISO_DAY_RE = /\b\d{4}[-/]\d{1,2}[-/]\d{1,2}\b/;
/** Words that may precede a bare month name used as a date ("in October", "since September"). */
const MONTH_LEAD_WORDS = new Set([
  "in", "since", "last", "early", "mid", "late", "until", "till", "by", "through", "throughout",
  "during", "from", "before", "after", "this", "past", "and", "or", "to", "between", "around",
  "of", "on", "that", "previous", "next", "coming", "each", "every",
]);
/** Words before a weekday that make it a day whatever follows: "on Tuesday", "earlier Tuesday". */
const WEEKDAY_DAY_MARKERS = new Set(["on", "earlier", "later", "since", "until"]);

/** Capitalized words that turn a weekday into a name ("Super Tuesday", "Good Friday"). */
const WEEKDAY_NAME_PREFIXES = new Set(["super", "good", "black", "bloody", "ash", "holy", "easter", "palm", "cyber", "fat", "giving"]);
/** Words that may be folded into a week/weekend span when they precede it. */
const SPAN_LEAD_WORDS = new Set(["over", "during", "at", "across", "through", "throughout", "in", "within", "the", "this", "last", "past", "earlier", "later"]);

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

interface Word {
  text: string;
  start: number;
}

/** Up to `max` words immediately before `index` (nearest last), only across spaces and hyphens. */
function wordsBefore(text: string, index: number, max: number): Word[] {
  const out: Word[] = [];
  let i = index;
  for (let n = 0; n < max; n++) {
    let j = i;
    while (j > 0 && (text[j - 1] === " " || text[j - 1] === "\t" || text[j - 1] === "-" || text[j - 1] === "\u00a0")) j--;
    if (j === i && n > 0) break;
    let k = j;
    while (k > 0 && /[\p{L}]/u.test(text[k - 1])) k--;
    if (k === j) break;
    out.unshift({ text: text.slice(k, j), start: k });
    i = k;
  }
  return out;
}

/**
 * Extend a span backwards over modifier words in `allowed` ("over the past weekend").
 * Returns the new start and the lower-cased words taken.
 */
function extendBack(text: string, start: number, allowed: Set<string>, max = 4): { start: number; words: string[] } {
  const before = wordsBefore(text, start, max);
  let newStart = start;
  const words: string[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i].text.toLowerCase();
    if (!allowed.has(w)) break;
    newStart = before[i].start;
    words.unshift(w);
  }
  return { start: newStart, words };
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return { start, end };
}

function certain(c: chrono.ParsedComponents, k: chrono.Component): number | null {
  return c.isCertain(k) ? c.get(k) : null;
}

/** "morning of September 19": chrono knows no day in it, so the day after "of" is read on its own. */
const PART_OF_DAY_OF = /^(?:morning|afternoon|evening|night)\s+of\s+/i;

function dayAfterPartOfDay(source: string, rest: string, index: number, prefix: number): { start: number; end: number; expr: DateExpr } | null {
  const inner = chrono.parse(rest, CHRONO_REF)[0];
  if (!inner || inner.index !== 0) return null;
  const day = classify(source, inner, index + prefix);
  return day && { ...day, start: index };
}

/** Classify one chrono result found at `index` of `source`; null when it is not a date expression we use. */
function classify(
  source: string,
  r: chrono.ParsedResult,
  index: number,
): { start: number; end: number; expr: DateExpr } | null {
  if (r.end) return null; // ranges ("Jan. 3-5", "Monday to Wednesday") are not represented
  const partOfDay = PART_OF_DAY_OF.exec(r.text);
  if (partOfDay) return dayAfterPartOfDay(source, r.text.slice(partOfDay[0].length), index, partOfDay[0].length);
  let start = index;
  let end = index + r.text.length;
  const raw = r.text;
  const lower = raw.toLowerCase().replace(/\s+/g, " ").trim();
  const c = r.start;
  const day = certain(c, "day");
  const month = certain(c, "month");
  const year = certain(c, "year");
  const weekday = certain(c, "weekday");
  const lead = extendBack(source, start, SPAN_LEAD_WORDS);
  const prevWord = (wordsBefore(source, start, 1)[0]?.text ?? "").toLowerCase();

  // --- words-first: relative expressions, whatever chrono computed for them
  if (/\bweekend\b/.test(lower)) {
    if (/\b(next|coming)\b/.test(lower) || prevWord === "next" || prevWord === "coming") return null;
    return { start: lead.start, end, expr: { kind: "weekend", which: "last" } };
  }
  if (/\bweek\b/.test(lower)) {
    const core = lower.replace(/^(the|on|in|over|during) /, "");
    if (core === "this week") {
      if (prevWord === "later") return null;
      const which = prevWord === "earlier" ? "earlier-this" : "this";
      return { start: which === "earlier-this" ? lead.start : start, end, expr: { kind: "week", which } };
    }
    if (core === "last week") return { start: lead.start, end, expr: { kind: "week", which: "last" } };
    if (core === "past week") return { start: lead.start, end, expr: { kind: "week", which: "past" } };
    return null; // "next week", "after a week", "the week before", "two weeks ago"
  }
  if (/\bmonth\b/.test(lower)) {
    const core = lower.replace(/^(the|in|over|during) /, "");
    if (core === "this month") return { start: prevWord === "earlier" ? lead.start : start, end, expr: { kind: "relativeMonth", offset: 0 } };
    if (core === "last month") return { start, end, expr: { kind: "relativeMonth", offset: -1 } };
    return null; // "next month", "the past month" (rolling), "two months ago"
  }
  if (/\b(year|years|decade|decades|hour|hours|minute|minutes|now)\b/.test(lower)) return null;

  const ago = /^(?:the )?(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten) days? ago$/.exec(lower);
  if (ago) {
    const n = /^\d+$/.test(ago[1]) ? Number(ago[1]) : NUMBER_WORDS[ago[1]];
    return n !== undefined && n <= 31 ? { start, end, expr: { kind: "relativeDay", offset: -n } } : null;
  }
  if (/\bday before yesterday\b/.test(lower)) return { start, end, expr: { kind: "relativeDay", offset: -2 } };
  if (/\byesterday\b/.test(lower) || /^last night$/.test(lower)) return { start, end, expr: { kind: "relativeDay", offset: -1 } };
  if (/\btomorrow\b/.test(lower)) return { start, end, expr: { kind: "relativeDay", offset: 1 } };
  if (/^(today|tonight|this (morning|afternoon|evening))$/.test(lower)) return { start, end, expr: { kind: "relativeDay", offset: 0 } };
  if (r.tags().has("result/relativeDate")) return null; // "a day earlier", "the day before", "past few days"

  // --- absolute day: needs a month name or an ISO-like y-m-d (no ambiguous 1/7 or 8.1.2026)
  if (day !== null && month !== null) {
    if (!MONTH_NAME_RE.test(raw) && !ISO_DAY_RE.test(raw)) return null;
    if (year !== null && !isValidDay(year, month, day)) return null;
    if (year === null && !isValidDay(2000, month, day)) return null; // 2000 is a leap year
    return { start, end, expr: { kind: "day", year, month, day } };
  }

  // --- weekday alone
  if (weekday !== null && day === null) {
    if (!FULL_WEEKDAY_RE.test(raw)) return null; // "Sun", "Sat", "wed": too ambiguous on their own
    if (/\b(next|coming)\b/.test(lower) || prevWord === "next" || prevWord === "coming") return null;
    if (WEEKDAY_NAME_PREFIXES.has(prevWord) && /^[A-Z]/.test(wordsBefore(source, start, 1)[0]?.text ?? "")) return null;
    // A weekday followed by a capitalized word is a name ("Sunday Times"), unless that word is a
    // month or a word of time before it makes it a day ("Earlier on Tuesday Peru announced").
    const wm = FULL_WEEKDAY_RE.exec(raw);
    const wordEnd = index + (wm ? wm.index + wm[0].length : raw.length);
    const after = /^[ \t\u00a0]+(\p{Lu}\p{L}*)/u.exec(source.slice(wordEnd, wordEnd + 30));
    // chrono's phrase may hold the marker itself ("on Monday").
    const marked = WEEKDAY_DAY_MARKERS.has(prevWord) || WEEKDAY_DAY_MARKERS.has(lower.split(" ")[0]);
    if (after && !MONTH_NAME_RE.test(after[1]) && !/^(Morning|Afternoon|Evening|Night)$/i.test(after[1]) && !marked) {
      return null;
    }
    let modifier: "none" | "last" = "none";
    if (/\b(last|past)\b/.test(lower)) modifier = "last";
    if (prevWord === "last" || prevWord === "past") modifier = "last";
    if (prevWord === "this" && /^past\b/.test(lower)) start = wordsBefore(source, start, 1)[0].start; // "this past Friday"
    else if (prevWord === "last" || prevWord === "past") start = wordsBefore(source, start, 1)[0].start;
    return { start, end, expr: { kind: "weekday", weekday, modifier } };
  }

  // --- month (with or without year)
  if (month !== null && day === null) {
    if (!MONTH_NAME_RE.test(raw)) return null;
    if (year === null && !MONTH_LEAD_WORDS.has(prevWord)) return null; // "June Carter", "the March on Washington"
    if (prevWord === "next" || prevWord === "coming") return null;
    if (prevWord === "last" || prevWord === "past") {
      start = wordsBefore(source, start, 1)[0].start;
      if (year === null) return { start, end, expr: { kind: "month", year: null, month, modifier: "last" } };
    }
    return { start, end, expr: { kind: "month", year, month } };
  }
  return null;
}

/**
 * Every expression classify() accepts holds one of these words, the words its own tests look for:
 * "weekend", "week" or "month" as a whole word, "days ago", yesterday/today/tomorrow, a part of
 * the day, a weekday name, a y-m-d date, or a month name passing MONTH_NAME_RE. chrono's results
 * start after a non-word character (or at the line's start) and end before one (its patterns end
 * in `(?=\W|$)`), so "week" closing a result closes a word of the line too: lines that speak only
 * of "weeks", "months" or "recent days" are not parsed. Likewise a month name is a whole word of
 * the line ("decision" and "market" are not "Dec" and "Mar"). A line without any of these cannot
 * hold a date we use.
 */
const DATE_WORD_GATE =
  /\bon the \d{1,2}(?:st|nd|rd|th)\b|weekend|week\b|month\b|days?\s+ago|yesterday|today|tomorrow|night|morning|afternoon|evening|(?:sun|mon|tues|wednes|thurs|fri|satur)day|\d{4}[-/]\d{1,2}[-/]\d{1,2}/i;
/** Either gate in one regex: one scan of each line. */
const DATE_GATE = new RegExp(`${DATE_WORD_GATE.source}|${MONTH_NAME_RE.source}`, "i");
const mayHoldDate = (line: string) => DATE_GATE.test(line);

/**
 * Date expressions in one line of text, offsets into the line. Nothing in classify() looks past a
 * line break, so a text's mentions are its lines' mentions.
 */
function computeLineMentions(line: string): readonly DateMention[] {
  const out: DateMention[] = [];
  const daysOfMonth = dayOfMonthMentions(line);
  for (const [from, to] of dateWindows(line)) {
    for (const r of chrono.parse(line.slice(from, to), CHRONO_REF)) {
      const m = classify(line, r, from + r.index);
      if (!m) continue;
      const { start, end } = trimSpan(line, m.start, m.end);
      if (end <= start) continue;
      if (out.length > 0 && start < out[out.length - 1].end) continue; // overlapping extension
      out.push(Object.freeze({ start, end, text: line.slice(start, end), expr: Object.freeze(m.expr) }));
    }
  }
  if (daysOfMonth.length > 0) {
    out.push(...daysOfMonth.filter((d) => !out.some((m) => m.start < d.end && d.start < m.end)));
    out.sort((a, b) => a.start - b.start);
  }
  return Object.freeze(out);
}

/**
 * "said on the 16th", "on the 3rd (local time)": a day of the month alone, the way some outlets
 * date the news. chrono does not read it. A noun after it makes it an ordinal ("on the 16th floor",
 * "on the 2nd day"), and "of" a day with its month, which chrono reads.
 */
const DAY_OF_MONTH_RE = /\bon the ([1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:$|[,.;:)(\u2013\u2014-]|(?:that|at|in|and|when|after|before|local|during|while|as|to|with|by|but|ahead|amid|morning|afternoon|evening|night)\b))/g;

function dayOfMonthMentions(line: string): DateMention[] {
  const out: DateMention[] = [];
  for (const match of line.matchAll(DAY_OF_MONTH_RE)) {
    const start = match.index;
    const end = match.index + match[0].length;
    out.push(Object.freeze({ start, end, text: line.slice(start, end), expr: Object.freeze({ kind: "dayOfMonth" as const, day: Number(match[1]) }) }));
  }
  return out;
}

/**
 * The stretches of a line chrono needs to read: each gate word with this many characters either
 * side, widened to whole words, overlapping ones joined. Every expression classify() accepts holds
 * a gate word and is far shorter, and chrono's cost grows with what it reads.
 */
const WINDOW_REACH = 60;
const DATE_GATE_ALL = new RegExp(DATE_GATE.source, "gi");

function dateWindows(line: string): [number, number][] {
  if (line.length <= 3 * WINDOW_REACH) return [[0, line.length]];
  const windows: [number, number][] = [];
  for (const match of line.matchAll(DATE_GATE_ALL)) {
    let from = Math.max(0, match.index - WINDOW_REACH);
    let to = Math.min(line.length, match.index + match[0].length + WINDOW_REACH);
    while (from > 0 && !/\s/.test(line[from - 1])) from--;
    while (to < line.length && !/\s/.test(line[to])) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

/**
 * A line that fails mayHoldDate is not parsed: chrono costs about as much as tokenizing, and most
 * lines of news prose hold no date. The publication date and the statements read the same
 * paragraphs, so the others are parsed once; only they are kept, so that the many lines without a
 * date do not crowd them out of the cache.
 */
const lineMentionsCache = new Map<string, readonly DateMention[]>();
const LINE_CACHE_LIMIT = 5_000;
const NO_MENTIONS: readonly DateMention[] = Object.freeze([]);

function lineMentions(line: string): readonly DateMention[] {
  if (!mayHoldDate(line)) return NO_MENTIONS;
  let mentions = lineMentionsCache.get(line);
  if (!mentions) {
    if (lineMentionsCache.size >= LINE_CACHE_LIMIT) lineMentionsCache.clear();
    mentions = computeLineMentions(line);
    lineMentionsCache.set(line, mentions);
  }
  return mentions;
}

/**
 * Date expressions in `text`, in order. Ignored: lone years ("in 1989", "this year"), times of day,
 * durations ("for three decades", "30 years"), ranges ("Jan. 3-5"), future-only expressions
 * ("next week", "next Friday"), numeric dates other than y-m-d ("1/7" is ambiguous), anaphoric
 * ones ("the day before"), and weekday/month words used as names ("Sunday Times", "June Carter").
 */
export function findDateMentions(text: string): DateMention[] {
  const out: DateMention[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    for (const m of lineMentions(text.slice(lineStart, lineEnd))) {
      out.push({ start: lineStart + m.start, end: lineStart + m.end, text: m.text, expr: m.expr });
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Publication date

/** How far into the body a dateline may start. */
const DATELINE_WINDOW = 300;
const DATELINE_MARKER_RE = /\b(published|updated|posted|dated)\b/i;
const PREPOSITION_END_RE = /\b(on|since|in|until|till|by|before|after|from|of|between|and|through|to|at|around)\s*$/i;
const CONNECTORS = new Set(["and", "de", "del", "la", "le", "of", "du", "da", "do", "dos", "das", "y", "e"]);

function isFullDay(e: DateExpr): e is { kind: "day"; year: number; month: number; day: number } {
  return e.kind === "day" && e.year !== null && isValidDay(e.year, e.month, e.day);
}

/** Is `prefix` (paragraph text before a date) the kind of thing that leads a dateline? */
function looksLikeDatelineLead(prefix: string): boolean {
  if (DATELINE_MARKER_RE.test(prefix)) return true;
  if (PREPOSITION_END_RE.test(prefix)) return false; // "On Jan. 3, 2026, forces ..." is an event
  const words = prefix.match(/\p{L}[\p{L}'’.]*/gu) ?? [];
  if (words.length > 8) return false;
  // Place names and bylines are capitalized: "Washington/Bogotá, ", "WASHINGTON (AP) — ", "By Jane Roe | ".
  return words.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w.toLowerCase()));
}

/**
 * The article's publication day from its body paragraphs (headline excluded):
 * a dateline (a full date with year near the start, led by a place or byline) → "dateline";
 * otherwise the latest full date (day, month and year) anywhere → "text"; otherwise null.
 * A month and year alone ("in January 2026") is not a full date.
 */
/** A dateline that names the day but not the year ("NEW DELHI, March 3 (Reuters) -"); the batch supplies the year. */
export function findYearlessDateline(paragraphs: string[]): { month: number; day: number } | null {
  let offset = 0;
  for (const p of paragraphs) {
    for (const m of findDateMentions(p)) {
      if (offset + m.start >= DATELINE_WINDOW) return null;
      if (m.expr.kind === "day" && m.expr.year === null && looksLikeDatelineLead(p.slice(0, m.start))) {
        return { month: m.expr.month, day: m.expr.day };
      }
    }
    offset += p.length + 2;
    if (offset >= DATELINE_WINDOW) return null;
  }
  return null;
}

/** The year that puts month/day closest to the given days (the rest of a batch). */
export function closestYear(month: number, day: number, near: ISODate[]): ISODate | null {
  let best: { date: ISODate; distance: number } | null = null;
  for (const reference of near) {
    const year = Number(reference.slice(0, 4));
    for (const candidateYear of [year - 1, year, year + 1]) {
      if (!isValidDay(candidateYear, month, day)) continue;
      const date = isoDate(candidateYear, month, day);
      const distance = Math.abs(daysBetween(date, reference));
      if (!best || distance < best.distance) best = { date, distance };
    }
  }
  return best?.date ?? null;
}

export function findPublicationDate(paragraphs: string[]): { date: ISODate; from: "dateline" | "text" } | null {
  let offset = 0;
  let latest: ISODate | null = null;
  let dateline: ISODate | null = null;
  for (const p of paragraphs) {
    // A full date has a year, and a year is written in four digits.
    const mentions = /\d{4}/.test(p) ? findDateMentions(p) : [];
    for (const m of mentions) {
      if (!isFullDay(m.expr)) continue;
      const d = isoDate(m.expr.year, m.expr.month, m.expr.day);
      if (dateline === null && offset + m.start < DATELINE_WINDOW && looksLikeDatelineLead(p.slice(0, m.start))) {
        dateline = d;
      }
      if (latest === null || d > latest) latest = d;
    }
    offset += p.length + 2;
  }
  if (dateline !== null) return { date: dateline, from: "dateline" };
  if (latest !== null) return { date: latest, from: "text" };
  return null;
}
