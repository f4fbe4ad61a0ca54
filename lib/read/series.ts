// The tension index over time: shapes and pure helpers for the aggregated series.
// The aggregation itself runs in the database (lib/read/series-query.ts); this module turns its
// rows into what the chart, headline and exports show. Safe for client components.
import { daysBetween, nextPeriod } from "../core/days";
import type { Resolution } from "./filters";
import type { ISODate, Label } from "../core/types";

/** One data point: one series' statements of one period (a day, week or month). */
export interface SeriesPoint {
  /** The period's first day. */
  date: ISODate;
  /** Series key: the speaker key, or "country>target" for a dyad. */
  series: string;
  /** Speaker name (speaker series) or null (dyad series). */
  speaker: string | null;
  speakerCountry: string | null;
  target: string | null;
  /** Mean score of that day's statements, -10 … +10. */
  index: number;
  statements: number;
  min: number;
  max: number;
}

export interface SeriesInfo {
  key: string;
  /** What the legend shows: the speaker's name or "A → B". */
  label: string;
  statements: number;
  /** How many points the series has (days, weeks or months, as charted); the name predates resolutions. */
  days: number;
}

/** A statement singled out on the chart (extremes, tooltip quotes). */
export interface PointQuote {
  id: string;
  series: string;
  date: ISODate;
  score: number;
  label: Label;
  text: string;
  /** A few words for the chart: the words the strongest rule matched, or the quote's start. */
  short: string;
}

/** A data point as /api/series and the CSV export give it: the series named, not keyed. */
export interface SeriesRow {
  date: string;
  speaker: string | null;
  index: number;
  statements: number;
  series: string;
  speakerCountry: string | null;
  target: string | null;
  min: number;
  max: number;
}

export function seriesRows(points: SeriesPoint[], series: SeriesInfo[]): SeriesRow[] {
  const labels = new Map(series.map((s) => [s.key, s.label]));
  return points.map((p) => ({
    date: p.date,
    speaker: p.speaker,
    index: p.index,
    statements: p.statements,
    series: labels.get(p.series) ?? p.series,
    speakerCountry: p.speakerCountry,
    target: p.target,
    min: p.min,
    max: p.max,
  }));
}

export interface Swing {
  series: string;
  label: string;
  from: { date: ISODate; index: number };
  to: { date: ISODate; index: number };
  /** to.index − from.index */
  change: number;
}

/** Rounds for display and export; the database keeps full precision. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Text in code-unit order, the same in every locale (unlike localeCompare). */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byDate(a: { date: string }, b: { date: string }): number {
  return compareText(a.date, b.date);
}

/**
 * The largest change of index between consecutive data points of one series
 * (consecutive in the data: days without statements are skipped, not read as zero).
 */
export function largestSwing(points: SeriesPoint[], series: SeriesInfo[]): Swing | null {
  const labels = new Map(series.map((s) => [s.key, s.label]));
  const grouped = new Map<string, SeriesPoint[]>();
  for (const p of points) grouped.set(p.series, [...(grouped.get(p.series) ?? []), p]);
  let best: Swing | null = null;
  for (const [key, list] of grouped) {
    const sorted = [...list].sort(byDate);
    for (let i = 1; i < sorted.length; i++) {
      const change = sorted[i].index - sorted[i - 1].index;
      if (!best || Math.abs(change) > Math.abs(best.change)) {
        best = {
          series: key,
          label: labels.get(key) ?? key,
          from: { date: sorted[i - 1].date, index: sorted[i - 1].index },
          to: { date: sorted[i].date, index: sorted[i].index },
          change,
        };
      }
    }
  }
  return best;
}


/** Longest span, in days, that "auto" charts day by day (about six months: at most 184 points). */
export const AUTO_DAILY_MAX_DAYS = 184;
/** Longest span that "auto" charts week by week (three years: at most 158 points); months beyond. */
export const AUTO_WEEKLY_MAX_DAYS = 1096;


/** The resolution that keeps the chart readable over first…last (inclusive). */
export function autoResolution(first: ISODate | null, last: ISODate | null): Resolution {
  if (!first || !last) return "day";
  const days = daysBetween(first, last) + 1;
  return days <= AUTO_DAILY_MAX_DAYS ? "day" : days <= AUTO_WEEKLY_MAX_DAYS ? "week" : "month";
}




/** Longest run of periods the chart lays out one by one; longer spans keep only periods with data. */
export const MAX_CHART_PERIODS = 3660;

/**
 * Wide rows for the chart, one per period from the first to the last data point, with null
 * where a series has no statement in it: the line breaks there instead of dipping to zero.
 */
export function chartRows(points: SeriesPoint[], seriesKeys: string[], resolution: Resolution = "day"): Array<Record<string, number | string | null>> {
  if (points.length === 0) return [];
  const sorted = [...points].sort(byDate);
  const first = sorted[0].date;
  const last = sorted[sorted.length - 1].date;
  const periods: ISODate[] = [];
  for (let d = first; d <= last && periods.length <= MAX_CHART_PERIODS; d = nextPeriod(d, resolution)) periods.push(d);
  const periodList = periods.length > MAX_CHART_PERIODS ? [...new Set(sorted.map((p) => p.date))] : periods;
  const rows = new Map<string, Record<string, number | string | null>>();
  for (const period of periodList) {
    const row: Record<string, number | string | null> = { date: period };
    for (const key of seriesKeys) row[key] = null;
    rows.set(period, row);
  }
  for (const p of points) {
    const row = rows.get(p.date);
    if (row && p.series in row) row[p.series] = round2(p.index);
  }
  return [...rows.values()];
}

/** A few words standing for a statement on the chart. */
export function shortQuote(text: string, evidence: string | null, maxWords = 5): string {
  const fromEvidence = evidence?.split(" + ")[0]?.trim();
  if (fromEvidence) return fromEvidence;
  const words = text.replace(/^[\s"“‘']+|[\s"”’'.,;:!?]+$/g, "").split(/\s+/);
  return words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}…`;
}
