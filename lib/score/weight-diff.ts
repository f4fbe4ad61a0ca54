// Which weights differ between two sets. Pure and free of the rule files (which are
// read from disk), so the admin page's client code can use it too.
import type { WeightSet } from "../core/types";

/** One weight that differs between two sets, named by its path ("rules.praise", "thresholds.hostile"). */
export interface WeightChange {
  key: string;
  from: number | null;
  to: number | null;
}

function flatten(weights: WeightSet): Map<string, number> {
  const flat = new Map<string, number>([
    ["lexicon", weights.lexicon],
    ["thresholds.hostile", weights.thresholds.hostile],
    ["thresholds.conciliatory", weights.thresholds.conciliatory],
  ]);
  for (const [id, weight] of Object.entries(weights.rules)) flat.set(`rules.${id}`, weight);
  return flat;
}

/** The weights that differ from `before` to `after`, in a stable order. */
export function diffWeights(before: WeightSet, after: WeightSet): WeightChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((key) => a.get(key) !== b.get(key)).map((key) => ({ key, from: a.get(key) ?? null, to: b.get(key) ?? null }));
}
