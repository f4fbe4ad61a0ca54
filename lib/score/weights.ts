import { z } from "zod";
import type { WeightSet } from "../core/types";
import { SCORED_RULES } from "../core/rules";
import { CAMEO_FAMILY_PREFIX } from "../core/cameo-families";
import { defaultWeights } from ".";

const finite = z.number().finite().min(-100).max(100);

export const weightSetSchema = z
  .object({
    lexicon: finite,
    rules: z.record(z.string(), finite),
    thresholds: z.object({ hostile: finite, conciliatory: finite }).strict(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const known = new Set(SCORED_RULES.map((rule) => rule.id));
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

/**
 * A weight set with every rule the scorer knows: a set written before a rule existed (stored,
 * or in a file) gets that rule's default weight, so that it still loads and scores.
 */
export function withDefaultWeights(weights: WeightSet, fills: (ruleId: string) => boolean = () => true): WeightSet {
  const missing = SCORED_RULES.filter((rule) => !(rule.id in weights.rules) && fills(rule.id));
  if (missing.length === 0) return weights;
  const defaults = defaultWeights().rules;
  return { ...weights, rules: { ...weights.rules, ...Object.fromEntries(missing.map((rule) => [rule.id, defaults[rule.id]])) } };
}

/**
 * A weight set must name every rule the scorer knows, and nothing else; the verb dictionary's
 * families, newer than many weight files, take their defaults when missing.
 */
export function parseWeightSet(raw: unknown): WeightValidation {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  const filled = rules && typeof rules === "object" ? withDefaultWeights(raw as WeightSet, (id) => id.startsWith(CAMEO_FAMILY_PREFIX)) : raw;
  const parsed = weightSetSchema.safeParse(filled);
  if (parsed.success) return { ok: true, weights: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`) };
}

