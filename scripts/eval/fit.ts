// Fitting the default weights to gold labels, as multiples of their anchors (the lexicon's
// weight and each rule's Goldstein value), judged by leave-one-episode-out cross-validation.
// Pure: rows in, multipliers and accuracies out.
import type { Features, Label, WeightSet } from "../../lib/core/types";
import { strongestHits } from "../../lib/core/hits";
import { scoreValues } from "../../lib/score";

export interface FitRow {
  episode: string;
  features: Features;
  label: Label;
}

/** The multiples of its anchor a weight may take: from a quarter to three times, and the anchor itself. */
export const FACTORS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3];
const ROUNDS = 3;

/** The weight set whose lexicon and rule weights are the anchors' times `multipliers` (absent: 1). */
export function scaled(anchors: WeightSet, multipliers: Record<string, number>): WeightSet {
  return {
    ...anchors,
    lexicon: anchors.lexicon * (multipliers.lexicon ?? 1),
    rules: Object.fromEntries(Object.entries(anchors.rules).map(([id, weight]) => [id, weight * (multipliers[id] ?? 1)])),
  };
}

/** How many rows the weights label as the gold does. */
export function correct(rows: FitRow[], weights: WeightSet): number {
  let n = 0;
  for (const row of rows) {
    const { label } = scoreValues(row.features.lexicon, strongestHits(row.features.hits), weights);
    if (label === row.label) n++;
  }
  return n;
}

/**
 * Coordinate ascent over the multipliers of the weights the rows use: each in turn takes the
 * factor labelling most rows right, the one nearest the anchor on a tie, for a few rounds.
 */
export function fitMultipliers(rows: FitRow[], anchors: WeightSet): Record<string, number> {
  const used = new Set(rows.flatMap((row) => row.features.hits.map((hit) => hit.rule)));
  const names = ["lexicon", ...Object.keys(anchors.rules).filter((id) => used.has(id))];
  const multipliers: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      let best = { right: -1, factor: 1 };
      for (const factor of FACTORS) {
        const right = correct(rows, scaled(anchors, { ...multipliers, [name]: factor }));
        const nearer = Math.abs(Math.log(factor)) < Math.abs(Math.log(best.factor));
        if (right > best.right || (right === best.right && nearer)) best = { right, factor };
      }
      if (best.factor === 1) delete multipliers[name];
      else multipliers[name] = best.factor;
    }
  }
  return multipliers;
}

export interface FitReport {
  rows: number;
  /** Rows the anchors label right. */
  anchors: number;
  /** Rows labelled right by weights fitted without their episode. */
  crossValidated: number;
  /** Rows labelled right by weights fitted on all of them (optimistic). */
  inSample: number;
  multipliers: Record<string, number>;
}

/** Fits on all rows, and once per episode without it to see how the fit carries to unseen episodes. */
export function fitReport(rows: FitRow[], anchors: WeightSet): FitReport {
  const episodes = [...new Set(rows.map((row) => row.episode))];
  let crossValidated = 0;
  for (const episode of episodes) {
    const held = rows.filter((row) => row.episode === episode);
    const multipliers = fitMultipliers(rows.filter((row) => row.episode !== episode), anchors);
    crossValidated += correct(held, scaled(anchors, multipliers));
  }
  const multipliers = fitMultipliers(rows, anchors);
  return { rows: rows.length, anchors: correct(rows, anchors), crossValidated, inSample: correct(rows, scaled(anchors, multipliers)), multipliers };
}
