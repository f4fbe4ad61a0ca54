// Preview of unsaved weights: re-scores stored features (no NLP) and aggregates them the
// way the database aggregates stored scores, so the two charts are comparable.
import { scoreFeatures } from "./score";
import type { SeriesPoint } from "./series";
import type { ScoringInput } from "./query";
import type { Label, WeightSet } from "./types";

export interface LabelChange {
  id: string;
  date: string | null;
  speaker: string | null;
  text: string;
  from: { score: number; label: Label };
  to: { score: number; label: Label };
}

export interface Preview {
  points: SeriesPoint[];
  changed: LabelChange[];
  changedCount: number;
  statements: number;
}

const single = <T>(values: Set<T>): T | null => (values.size === 1 ? [...values][0] : null);

/** Daily means per series under `weights`, and the statements whose label would change. */
export function previewScores(inputs: ScoringInput[], weights: WeightSet, seriesKeys: string[], maxChanged = 100): Preview {
  const wanted = new Set(seriesKeys);
  const groups = new Map<string, { date: string; series: string; scores: number[]; speakers: Set<string | null>; countries: Set<string | null>; targets: Set<string | null> }>();
  const changed: LabelChange[] = [];
  let changedCount = 0;
  for (const input of inputs) {
    const { score, label } = scoreFeatures(input.features, weights);
    if (label !== input.label) {
      changedCount++;
      if (changed.length < maxChanged) {
        changed.push({ id: input.id, date: input.date, speaker: input.speaker, text: input.text, from: { score: input.score, label: input.label }, to: { score, label } });
      }
    }
    if (!input.date || !input.series || !wanted.has(input.series)) continue;
    const key = `${input.series}|${input.date}`;
    let group = groups.get(key);
    if (!group) {
      group = { date: input.date, series: input.series, scores: [], speakers: new Set(), countries: new Set(), targets: new Set() };
      groups.set(key, group);
    }
    group.scores.push(score);
    group.speakers.add(input.speaker);
    group.countries.add(input.speakerCountry);
    group.targets.add(input.target);
  }
  const points = [...groups.values()]
    .map((g) => ({
      date: g.date,
      series: g.series,
      speaker: single(g.speakers),
      speakerCountry: single(g.countries),
      target: single(g.targets),
      index: Math.round((g.scores.reduce((a, b) => a + b, 0) / g.scores.length) * 100) / 100,
      statements: g.scores.length,
      min: Math.min(...g.scores),
      max: Math.max(...g.scores),
    }))
    .sort((a, b) => (a.date === b.date ? (a.series < b.series ? -1 : 1) : a.date < b.date ? -1 : 1));
  return { points, changed, changedCount, statements: inputs.length };
}

