// The tension index over time: shapes and pure helpers for the aggregated series.
// The aggregation itself runs in the database (lib/query.ts); this module turns its
// rows into what the chart, headline and exports show. Safe for client components.
import type { ISODate, Label } from "./types";

/** One data point: one series' statements of one day. */
export interface SeriesPoint {
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

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
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

export function addDays(day: ISODate, n: number): ISODate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Longest run of days the chart lays out one by one; longer spans keep only days with data. */
export const MAX_CHART_DAYS = 3660;

/**
 * Wide rows for the chart, one per calendar day from the first to the last data point,
 * with null where a series has no statement that day: the line breaks there instead of
 * dipping to zero.
 */
export function chartRows(points: SeriesPoint[], seriesKeys: string[]): Array<Record<string, number | string | null>> {
  if (points.length === 0) return [];
  const sorted = [...points].sort(byDate);
  const first = sorted[0].date;
  const last = sorted[sorted.length - 1].date;
  const days: ISODate[] = [];
  for (let d = first; d <= last && days.length <= MAX_CHART_DAYS; d = addDays(d, 1)) days.push(d);
  const dayList = days.length > MAX_CHART_DAYS ? [...new Set(sorted.map((p) => p.date))] : days;
  const rows = new Map<string, Record<string, number | string | null>>();
  for (const day of dayList) {
    const row: Record<string, number | string | null> = { date: day };
    for (const key of seriesKeys) row[key] = null;
    rows.set(day, row);
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
