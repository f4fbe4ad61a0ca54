// Preview of unsaved weights: re-scores stored features (no NLP) and aggregates them into the
// saved chart's points (same statements, same periods and series), so the two charts compare.
import { scoreValues, strongestRuleValues } from "./score";
import { periodStart, type SeriesPoint } from "./series";
import type { Resolution } from "./filters";
import type { ScoringInput } from "./query";
import type { Label, WeightSet } from "./types";

export interface LabelChange {
  id: string;
  from: { label: Label };
  to: { score: number; label: Label };
}

export interface Preview {
  points: SeriesPoint[];
  /** The first `maxChanged` statements whose label would change. */
  changed: LabelChange[];
  changedCount: number;
  statements: number;
}

/** The saved chart's points under `weights`, and the statements whose label would change. */
export function previewScores(inputs: ScoringInput[], weights: WeightSet, savedPoints: SeriesPoint[], resolution: Resolution, maxChanged = 100): Preview {
  const groups = new Map<string, { sum: number; n: number; min: number; max: number }>();
  for (const p of savedPoints) groups.set(`${p.series}\n${p.date}`, { sum: 0, n: 0, min: Infinity, max: -Infinity });
  const changed: LabelChange[] = [];
  let changedCount = 0;
  const periodOfDay = new Map<string, string>();
  const rulesOf = new Map<string, ReturnType<typeof strongestRuleValues>>();
  for (const input of inputs) {
    // Many statements share their rule hits: each distinct encoding is parsed once.
    let strongest = rulesOf.get(input.ruleValues);
    if (strongest === undefined) rulesOf.set(input.ruleValues, (strongest = strongestRuleValues(input.ruleValues)));
    const { score, label } = scoreValues(input.lexicon, strongest, weights);
    if (label !== input.label) {
      changedCount++;
      if (changed.length < maxChanged) changed.push({ id: input.id, from: { label: input.label }, to: { score, label } });
    }
    if (!input.date || !input.series) continue;
    let period = periodOfDay.get(input.date);
    if (period === undefined) periodOfDay.set(input.date, (period = periodStart(input.date, resolution)));
    const group = groups.get(`${input.series}\n${period}`);
    if (!group) continue;
    group.sum += score;
    group.n++;
    if (score < group.min) group.min = score;
    if (score > group.max) group.max = score;
  }
  const points = savedPoints.map((p) => {
    const g = groups.get(`${p.series}\n${p.date}`)!;
    return { ...p, index: Math.round((g.sum / g.n) * 100) / 100, min: g.min, max: g.max };
  });
  return { points, changed, changedCount, statements: inputs.length };
}
