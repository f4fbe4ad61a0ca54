// The chart's points as the JSON responses, the dashboard and the series CSV hand them out.
import type { SeriesInfo, SeriesPoint } from "../read/series";

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
