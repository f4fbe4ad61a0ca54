// Small multiples: the chart's series grouped into one panel per pair of countries, both
// directions together, each panel with its own rows (its own time span). Pure.
import type { Resolution } from "../read/filters";
import type { SeriesInfo, SeriesPoint } from "../read/series";
import { chartRows } from "./chart";

export interface ChartPanel {
  /** The two countries in code-unit order, "A|B"; "" for series with no single pair. */
  key: string;
  /** "A ↔ B", the busier direction's speaker country first. */
  title: string;
  /** Series keys in the order given (busiest first). */
  series: string[];
  /** Wide rows over this panel's own span: an index column and an `n:` count column per series. */
  rows: Array<Record<string, number | string | null>>;
}

/** The column of a row holding a series' statement count for that period. */
export function countColumn(seriesKey: string): string {
  return `n:${seriesKey}`;
}

export const MIXED_PANEL_TITLE = "Other series";

/** The speaker country and target a series speaks most about, counted in statements; null when no point names both. */
function dominantPair(points: SeriesPoint[]): [string, string] | null {
  const counts = new Map<string, number>();
  for (const p of points) {
    if (!p.speakerCountry || !p.target) continue;
    const key = `${p.speakerCountry}\u0000${p.target}`;
    counts.set(key, (counts.get(key) ?? 0) + p.statements);
  }
  let best: string | null = null;
  for (const [key, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && key < best)) best = key;
  return best === null ? null : (best.split("\u0000") as [string, string]);
}

/**
 * One panel per unordered pair of countries: a dyad line A → B and its reverse B → A share one;
 * a speaker line joins the pair it speaks about most. Panels come in the order of their busiest
 * series; lines without a pair share a last panel.
 */
export function groupPanels(series: SeriesInfo[], points: SeriesPoint[], resolution: Resolution): ChartPanel[] {
  const bySeries = new Map<string, SeriesPoint[]>();
  for (const p of points) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
  const panels = new Map<string, { title: string; series: string[] }>();
  for (const s of series) {
    const pair = dominantPair(bySeries.get(s.key) ?? []);
    const key = pair ? [...pair].sort().join("|") : "";
    const panel = panels.get(key) ?? { title: pair ? `${pair[0]} ↔ ${pair[1]}` : MIXED_PANEL_TITLE, series: [] };
    panel.series.push(s.key);
    panels.set(key, panel);
  }
  const ordered = [...panels.entries()].sort(([a], [b]) => (a === "" ? 1 : 0) - (b === "" ? 1 : 0));
  return ordered.map(([key, panel]) => {
    const own = panel.series.flatMap((k) => bySeries.get(k) ?? []);
    const rows = chartRows(own, panel.series, resolution);
    const counts = new Map(own.map((p) => [`${p.series}|${p.date}`, p.statements]));
    for (const row of rows) for (const k of panel.series) row[countColumn(k)] = counts.get(`${k}|${row.date}`) ?? null;
    return { key, title: panel.title, series: panel.series, rows };
  });
}

/** Runs of consecutive periods with data in one series: the solid stretches of its line (index ranges into rows, inclusive). */
export function dataRuns(rows: Array<Record<string, unknown>>, seriesKey: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  rows.forEach((row, i) => {
    const has = typeof row[seriesKey] === "number";
    if (has && start < 0) start = i;
    if (!has && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, rows.length - 1]);
  return runs;
}
