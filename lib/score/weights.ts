import { z } from "zod";
import type { WeightSet } from "../types";
import { RULES } from "./rules";

const finite = z.number().finite().min(-100).max(100);

export const weightSetSchema = z
  .object({
    lexicon: finite,
    rules: z.record(z.string(), finite),
    thresholds: z.object({ hostile: finite, conciliatory: finite }).strict(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const known = new Set(RULES.map((rule) => rule.id));
    for (const id of known) {
      if (!(id in value.rules)) ctx.addIssue({ code: "custom", path: ["rules", id], message: `missing weight for rule ${id}` });
    }
    for (const id of Object.keys(value.rules)) {
      if (!known.has(id)) ctx.addIssue({ code: "custom", path: ["rules", id], message: `unknown rule ${id}` });
    }
    if (value.thresholds.hostile > value.thresholds.conciliatory) {
      ctx.addIssue({ code: "custom", path: ["thresholds"], message: "hostile threshold must not exceed the conciliatory one" });
    }
  });

export type WeightValidation = { ok: true; weights: WeightSet } | { ok: false; errors: string[] };

/** A weight set must name every rule the scorer knows, and nothing else. */
export function parseWeightSet(raw: unknown): WeightValidation {
  const parsed = weightSetSchema.safeParse(raw);
  if (parsed.success) return { ok: true, weights: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`) };
}

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
