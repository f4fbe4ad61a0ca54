// Which statement labels each series' extremes on the chart. Pure: the page's data loader
// reads the candidates (lib/read/point-quotes.ts) and this picks among them.
import type { AnnotationCandidate, SeriesPoint } from "../read/series";

export type Side = "hostile" | "conciliatory";

/** A series' most hostile or most conciliatory point. */
export interface ExtremePoint {
  series: string;
  date: string;
  side: Side;
  index: number;
}

export interface ChosenAnnotation extends AnnotationCandidate {
  side: Side;
  /** Where the dot sits: the point's index. */
  y: number;
}

/**
 * Per series, the point with the lowest index below zero and the one with the highest above
 * zero (a series that never leaves one side has only that extreme). Among equal indexes the
 * busier point wins, then the later one, so that the choice does not depend on row order.
 */
export function extremePoints(points: SeriesPoint[]): ExtremePoint[] {
  const best = new Map<string, SeriesPoint>();
  const better = (side: Side, a: SeriesPoint, b: SeriesPoint | undefined): boolean => {
    if (!b) return true;
    const diff = side === "hostile" ? b.index - a.index : a.index - b.index;
    if (diff !== 0) return diff > 0;
    if (a.statements !== b.statements) return a.statements > b.statements;
    return a.date > b.date;
  };
  for (const p of points) {
    const side: Side | null = p.index < 0 ? "hostile" : p.index > 0 ? "conciliatory" : null;
    if (!side) continue;
    const key = `${p.series}|${side}`;
    if (better(side, p, best.get(key))) best.set(key, p);
  }
  return [...best.entries()]
    .map(([key, p]) => ({ series: p.series, date: p.date, side: key.endsWith("|hostile") ? ("hostile" as const) : ("conciliatory" as const), index: p.index }))
    .sort((a, b) => (a.series < b.series ? -1 : a.series > b.series ? 1 : a.side < b.side ? 1 : -1));
}

/** Which of two candidates labels a point better: direct words first, then the most reports, then the stronger score. */
function outranks(a: AnnotationCandidate, b: AnnotationCandidate): boolean {
  const aDirect = a.directSources > 0;
  const bDirect = b.directSources > 0;
  if (aDirect !== bDirect) return aDirect;
  if (a.sources !== b.sources) return a.sources > b.sources;
  if (Math.abs(a.score) !== Math.abs(b.score)) return Math.abs(a.score) > Math.abs(b.score);
  return a.id < b.id;
}

/**
 * Labels each extreme point with its most widely reported direct quote on its side (a hostile
 * point with a negative statement, a conciliatory one with a positive), falling back to reported
 * speech when the point has no direct quote there; a point without a statement on its side stays
 * unlabelled.
 */
export function chooseAnnotations(extremes: ExtremePoint[], candidates: AnnotationCandidate[]): ChosenAnnotation[] {
  const out: ChosenAnnotation[] = [];
  for (const e of extremes) {
    let best: AnnotationCandidate | null = null;
    for (const c of candidates) {
      if (c.series !== e.series || c.date !== e.date) continue;
      if (e.side === "hostile" ? c.score >= 0 : c.score <= 0) continue;
      if (!best || outranks(c, best)) best = c;
    }
    if (best) out.push({ ...best, side: e.side, y: e.index });
  }
  return out;
}
