// The eval's figures: each a count out of a count with a 95 % interval. Pure.
import type { Label } from "../../lib/core/types";
import type { GoldStatement } from "./corpus";

export interface Figure {
  n: number;
  of: number;
  /** n / of, or null when there is nothing to count. */
  rate: number | null;
  /** Wilson score interval at 95 %. */
  low: number | null;
  high: number | null;
}

const Z95 = 1.959964;

export function figure(n: number, of: number): Figure {
  if (of === 0) return { n, of, rate: null, low: null, high: null };
  const p = n / of;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * of)) / (1 + z2 / of);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / of + z2 / (4 * of * of))) / (1 + z2 / of);
  return { n, of, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Counts the rows for which `test` holds among those `among` keeps. */
export function countFigure<T>(rows: T[], test: (row: T) => boolean, among: (row: T) => boolean = () => true): Figure {
  const kept = rows.filter(among);
  return figure(kept.filter(test).length, kept.length);
}

/** Strong from |score| ≥ 3, mild from 1.5: the intensities the gold is written in. */
export const STRONG = 3;
export const MILD = 1.5;

export type Tone = "hostile-strong" | "hostile-mild" | "neutral" | "conciliatory-mild" | "conciliatory-strong";

export function toneOfScore(score: number): Tone {
  if (score <= -STRONG) return "hostile-strong";
  if (score <= -MILD) return "hostile-mild";
  if (score < MILD) return "neutral";
  if (score < STRONG) return "conciliatory-mild";
  return "conciliatory-strong";
}

export function toneOfGold(gold: GoldStatement): Tone {
  return gold.label === "neutral" ? "neutral" : `${gold.label}-${gold.intensity ?? "mild"}`;
}

export function labelOfScore(score: number): Label {
  return score <= -MILD ? "hostile" : score >= MILD ? "conciliatory" : "neutral";
}

/** Tone figures of any scorer on gold rows: sign (on rows the gold calls hostile or conciliatory), intensity, label. */
export interface ToneFigures {
  toneSign: Figure;
  toneIntensity: Figure;
  label: Figure;
}

export function toneFigures(rows: { gold: GoldStatement; score: number }[]): ToneFigures {
  const goldSign = (g: GoldStatement) => (g.label === "hostile" ? -1 : g.label === "conciliatory" ? 1 : 0);
  return {
    toneSign: countFigure(rows, (r) => Math.sign(r.score) === goldSign(r.gold), (r) => r.gold.label !== "neutral"),
    toneIntensity: countFigure(rows, (r) => toneOfScore(r.score) === toneOfGold(r.gold)),
    label: countFigure(rows, (r) => labelOfScore(r.score) === r.gold.label),
  };
}
