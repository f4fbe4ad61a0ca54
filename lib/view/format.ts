// Display formatting shared by server and client components (identical output on
// both, so hydration never disagrees: no locale-dependent Intl calls).
import type { Resolution } from "../read/filters";
import type { DateRange, ISODate } from "../core/types";
import { readingsDisagree, type DayReading } from "../core/day-readings";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-01-04" → "4 Jan 2026"; `short` drops the year. */
export function formatDay(day: ISODate, options: { short?: boolean } = {}): string {
  const [y, m, d] = day.split("-").map(Number);
  const base = `${d} ${MONTHS[m - 1] ?? "?"}`;
  return options.short ? base : `${base} ${y}`;
}

export const PERIODLY: Record<Resolution, string> = { day: "Daily", week: "Weekly", month: "Monthly" };

/** A chart point's period from its first day: "4 Jan 2026", "week of 5 Jan 2026", "Jan 2026". */
export function formatPeriod(start: ISODate, resolution: Resolution, options: { short?: boolean } = {}): string {
  if (resolution === "month") {
    const [y, m] = start.split("-").map(Number);
    return options.short ? `${MONTHS[m - 1] ?? "?"} ${String(y).slice(2)}` : `${MONTHS[m - 1] ?? "?"} ${y}`;
  }
  if (resolution === "week") return options.short ? formatDay(start, options) : `week of ${formatDay(start)}`;
  return formatDay(start, options);
}

/** "on 4 Jan 2026", "in the week of 5 Jan 2026", "in Jan 2026". */
export function onPeriod(start: ISODate, resolution: Resolution): string {
  return resolution === "day" ? `on ${formatDay(start)}` : `in ${resolution === "week" ? "the " : ""}${formatPeriod(start, resolution)}`;
}

export function formatDayOrRange(date: ISODate | null, range: DateRange | null, fromPublication = false): string {
  if (date) return formatDay(date);
  // No report gives a day: the range is the earliest report's day and the day before it.
  if (range && fromPublication) return `${formatDay(range.from)} – ${formatDay(range.to)} (reported)`;
  if (range) return range.from === range.to ? formatDay(range.from) : `${formatDay(range.from)} – ${formatDay(range.to)}`;
  return "date unknown";
}

/** A range of days in few words, the year (and month) said once: "3–4 Jan 2026", "30 Jan – 2 Feb 2026", "30 Dec 2025 – 2 Jan 2026". */
export function formatRange(range: DateRange): string {
  if (range.from === range.to) return formatDay(range.from);
  const [from, to] = [formatDay(range.from), formatDay(range.to)];
  if (range.from.slice(0, 4) !== range.to.slice(0, 4)) return `${from} – ${to}`;
  if (range.from.slice(0, 7) !== range.to.slice(0, 7)) return `${formatDay(range.from, { short: true })} – ${to}`;
  return `${Number(range.from.slice(8))}–${to}`;
}

/**
 * The statement table's day: the day, or a range its sources allow marked as approximate
 * ("≈ 3–4 Jan 2026"), since a date filter lists a statement whose range only overlaps it.
 */
export function formatTableDay(date: ISODate | null, range: DateRange | null, fromPublication = false): { text: string; approximate: boolean } {
  if (date) return { text: formatDay(date), approximate: false };
  if (!range) return { text: "date unknown", approximate: false };
  if (range.from === range.to) return { text: formatDay(range.from), approximate: false };
  return { text: `≈ ${formatRange(range)}${fromPublication ? " (reported)" : ""}`, approximate: true };
}

/** Signed score with a real minus sign: "+4.5", "−5.5", "0.0". */
export function formatScore(n: number, digits = 1): string {
  const factor = 10 ** digits;
  const r = Math.round(n * factor) / factor;
  const text = Math.abs(r).toFixed(digits);
  return r > 0 ? `+${text}` : r < 0 ? `\u2212${text}` : (0).toFixed(digits);
}

/** How a source gives the speaker's words (null: stored before sources recorded it). */
export function formatReport(direct: boolean | null): string {
  return direct === null ? "quoted or reported: not recorded" : direct ? "quoted" : "reported speech";
}

/** A source's words, in quotation marks unless the article reports them without any. */
export function formatSourceWords(quote: string, direct: boolean | null): string {
  return direct === false ? quote : `“${quote}”`;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? word : pluralWord}`;
}

/** What to tell whoever runs the store when `stale` articles were analysed by an older version; null when none were. */
export function staleAnalysisNotice(stale: number): string | null {
  return stale === 0 ? null : `${plural(stale, "article was", "articles were")} analysed by an older version: run npm run reanalyze`;
}

/** "path: reason" for a rejected file; the ingest step's reasons usually name the path already. */
export function formatRejection(r: { path: string; reason: string }): string {
  return r.reason.startsWith(r.path) ? r.reason : `${r.path}: ${r.reason}`;
}

/** "the reports disagree on the day: 5 Jan 2026 (2 reports), 6 Jan 2026 (1 report)", or null when they agree. */
export function formatDisagreement(readings: DayReading[]): string | null {
  if (!readingsDisagree(readings)) return null;
  return `the reports disagree on the day: ${readings.map((r) => `${formatDayOrRange(null, r.range)} (${plural(r.reports, "report")})`).join(", ")}`;
}
