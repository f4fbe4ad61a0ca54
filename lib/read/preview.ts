// Preview of unsaved weights: re-scores stored features (no NLP) and aggregates them into the
// saved chart's points (same statements, same periods and series), so the two charts compare.
// It works on statements counted by what scoring reads (see ScoringGroup), never one by one.
import { pairScorer } from "../score";
import { round2, type SeriesPoint } from "./series";
import type { Resolution } from "./filters";
import type { ScoredStatementSummary, ScoringDay, ScoringGroup } from "./scoring-groups";
import type { Label, WeightSet } from "../core/types";
import { periodStart } from "../core/days";

export interface LabelChange {
  id: string;
  from: { label: Label };
  to: { score: number; label: Label };
}

export interface Preview {
  points: SeriesPoint[];
  /** The groups of statements whose label would change. */
  changing: ScoringGroup[];
  changedCount: number;
  statements: number;
}

/**
 * The saved chart's points under `weights` (from the charted series' statements per day),
 * and which statements' labels would change (from all the filtered statements' groups).
 */
export function previewScores(groups: ScoringGroup[], days: ScoringDay[], weights: WeightSet, savedPoints: SeriesPoint[], resolution: Resolution): Preview {
  const score = pairScorer(weights);
  const changing = groups.filter((g) => score(g.lexicon, g.ruleValues).label !== g.label);
  const points = new Map<string, { sum: number; n: number; min: number; max: number }>();
  for (const p of savedPoints) points.set(`${p.series}\n${p.date}`, { sum: 0, n: 0, min: Infinity, max: -Infinity });
  const periodOfDay = new Map<string, string>();
  for (const day of days) {
    let period = periodOfDay.get(day.date);
    if (period === undefined) periodOfDay.set(day.date, (period = periodStart(day.date, resolution)));
    const point = points.get(`${day.series}\n${period}`);
    if (!point) continue;
    const s = score(day.lexicon, day.ruleValues).score;
    // Added once per statement, as the chart's own sums are, so that equal weights give equal means.
    for (let i = 0; i < day.statements; i++) point.sum += s;
    point.n += day.statements;
    if (s < point.min) point.min = s;
    if (s > point.max) point.max = s;
  }
  return {
    points: savedPoints.map((p) => {
      const g = points.get(`${p.series}\n${p.date}`)!;
      return { ...p, index: round2(g.sum / g.n), min: g.min, max: g.max };
    }),
    changing,
    changedCount: changing.reduce((n, g) => n + g.statements, 0),
    statements: groups.reduce((n, g) => n + g.statements, 0),
  };
}

/** The label changes of statements read from the changing groups, with their new scores. */
export function labelChanges(statements: ScoredStatementSummary[], weights: WeightSet): Array<LabelChange & Omit<ScoredStatementSummary, "id" | "label" | "lexicon" | "ruleValues">> {
  const score = pairScorer(weights);
  return statements.map(({ id, label, lexicon, ruleValues, score: saved, ...summary }) => {
    const now = score(lexicon, ruleValues);
    return { id, from: { label }, to: { score: now.score, label: now.label }, score: saved, ...summary };
  });
}
