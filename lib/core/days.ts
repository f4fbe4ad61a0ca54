// Calendar days as ISO strings ("YYYY-MM-DD"), in UTC only, and the periods the chart groups them
// into. Two week conventions exist and both are named here: prose ("this week", "last week") counts
// weeks from Sunday as the press does; the chart, its rollups and exports count ISO 8601 weeks from
// Monday.
import type { DateRange, ISODate } from "./types";

/** Day of the week as JavaScript numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
/** The week of news prose: "this week" on a Thursday began on the Sunday before. */
export const NEWSROOM_WEEK: Weekday = 0;
/** The week of the chart and its rollups: ISO 8601, from Monday. */
export const CHART_WEEK: Weekday = 1;

/** How long one chart point is. */
export type Period = "day" | "week" | "month";


const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** YYYY-MM-DD from numeric parts; no validation. */
export function isoDate(year: number, month: number, day: number): ISODate {
  const y = String(year).padStart(4, "0");
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True for a real calendar day written as YYYY-MM-DD (rejects 2025-02-29, 2026-13-01). */
export function isValidISODate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  return isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(iso: ISODate): number {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): ISODate {
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The UTC calendar day of an instant. */
export function toISODate(d: Date): ISODate {
  return fromUtcMs(d.getTime());
}

export function addDays(iso: ISODate, n: number): ISODate {
  return fromUtcMs(toUtcMs(iso) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: ISODate): Weekday {
  return new Date(toUtcMs(iso)).getUTCDay() as Weekday;
}

/** b - a in days. */
export function daysBetween(a: ISODate, b: ISODate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

export function compareISO(a: ISODate, b: ISODate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isSingleDay(r: DateRange): boolean {
  return r.from === r.to;
}

/** Number of days the range covers, inclusive: a single day has width 1. */
export function rangeWidthDays(r: DateRange): number {
  return daysBetween(r.from, r.to) + 1;
}

/** The days both ranges cover, null when they are disjoint. */
export function intersectRanges(a: DateRange, b: DateRange): DateRange | null {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return from <= to ? { from, to } : null;
}

export function rangeContains(r: DateRange, day: ISODate): boolean {
  return r.from <= day && day <= r.to;
}

/** The first day, on or before `day`, of a week that starts on `firstDay`. */
export function weekStartOn(day: ISODate, firstDay: Weekday): ISODate {
  return addDays(day, -((weekdayOf(day) - firstDay + 7) % 7));
}

/** The first day of the period holding `day`: itself, its chart week's Monday, or the 1st of its month. */
export function periodStart(day: ISODate, period: Period): ISODate {
  if (period === "day") return day;
  if (period === "month") return `${day.slice(0, 7)}-01`;
  return weekStartOn(day, CHART_WEEK);
}

/** The first day of the period after the one starting on `start`. */
export function nextPeriod(start: ISODate, period: Period): ISODate {
  if (period === "day") return addDays(start, 1);
  if (period === "week") return addDays(start, 7);
  const [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  return month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
}

/**
 * The weeks or months lying wholly inside from…to (either end open), as the first days of the
 * first and last of them; null when there is none. The chart reads those from the line rollup's
 * weekly or monthly rows and the days around them from its daily ones.
 */
export function wholePeriods(from: ISODate | null, to: ISODate | null, period: "week" | "month"): { first: ISODate | null; last: ISODate | null } | null {
  const first = from === null ? null : periodStart(from, period) === from ? from : nextPeriod(periodStart(from, period), period);
  const last = to === null ? null : nextPeriod(periodStart(to, period), period) === addDays(to, 1) ? periodStart(to, period) : periodStart(addDays(periodStart(to, period), -1), period);
  if (first !== null && last !== null && first > last) return null;
  return { first, last };
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAY_MONTH_YEAR_RE = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/;
const MONTH_DAY_YEAR_RE = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;

/** A month written as its English name or any abbreviation of at least three letters ("Jan", "Sept"), 1–12; null otherwise. */
function monthOfName(name: string): number | null {
  if (name.length < 3) return null;
  const index = MONTH_NAMES.findIndex((month) => month.startsWith(name));
  return index < 0 ? null : index + 1;
}

/**
 * A day as a person types it, in the dashboard's own style ("4 Jan 2026", "4 January 2026",
 * "Jan 4, 2026") or as YYYY-MM-DD, to YYYY-MM-DD; null when it names no calendar day.
 */
export function parseDayText(text: string): ISODate | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (ISO_RE.test(s)) return isValidISODate(s) ? s : null;
  const dmy = DAY_MONTH_YEAR_RE.exec(s);
  const mdy = dmy ? null : MONTH_DAY_YEAR_RE.exec(s);
  const [dayText, monthText, yearText] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  if (!dayText || !monthText || !yearText) return null;
  const month = monthOfName(monthText);
  const [year, day] = [Number(yearText), Number(dayText)];
  return month !== null && isValidDay(year, month, day) ? isoDate(year, month, day) : null;
}
