import { correct, fitMultipliers, fitReport, scaled, type FitRow } from "../scripts/eval/fit";
import type { Label, WeightSet } from "../lib/core/types";

const anchors: WeightSet = { lexicon: 10, rules: { warn: -2, praise: 3 }, thresholds: { hostile: -1.5, conciliatory: 1.5 } };
const row = (episode: string, rule: string | null, lexicon: number, label: Label): FitRow => ({
  episode,
  features: { lexicon, hits: rule ? [{ rule, value: 1, evidence: rule, modifiers: [] }] : [] },
  label,
});

test("a rule whose anchor is too weak to label its statements gets a larger multiple", () => {
  // warn alone at −2, with the lexicon's tenth at +0.9, scores −1.1: neutral; the gold says hostile.
  const rows = ["a", "b", "c"].flatMap((episode) => [row(episode, "warn", 0.9, "hostile"), row(episode, "praise", 0, "conciliatory"), row(episode, null, 0.2, "conciliatory")]);
  expect(correct(rows, anchors)).toBe(6);
  const multipliers = fitMultipliers(rows, anchors);
  expect(multipliers.warn).toBeGreaterThan(1);
  expect(multipliers.praise).toBeUndefined();
  expect(correct(rows, scaled(anchors, multipliers))).toBe(9);
  const report = fitReport(rows, anchors);
  expect(report).toMatchObject({ rows: 9, anchors: 6, crossValidated: 9, inSample: 9 });
});

test("weights the gold already agrees with stay at their anchors", () => {
  const rows = ["a", "b"].flatMap((episode) => [row(episode, "warn", 0, "hostile"), row(episode, "praise", 0, "conciliatory"), row(episode, null, 0, "neutral")]);
  expect(fitMultipliers(rows, anchors)).toEqual({});
});
