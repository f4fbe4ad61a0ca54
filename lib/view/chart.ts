// The chart as the pages draw it: wide rows of one period each, and the largest swing of a
// line for the headline. Pure: safe for client components.
import { nextPeriod } from "../core/days";
import type { Resolution } from "../read/filters";
import { compareText, round2, type SeriesInfo, type SeriesPoint } from "../read/series";
import type { ISODate } from "../core/types";

function byDate(a: { date: string }, b: { date: string }): number {
  return compareText(a.date, b.date);
}

export interface Swing {
  series: string;
  label: string;
  from: { date: ISODate; index: number };
  to: { date: ISODate; index: number };
  /** to.index − from.index */
  change: number;
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
