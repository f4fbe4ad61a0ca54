import { z } from "zod";
import type { WeightSet } from "../core/types";
import { RULES } from "../core/rules";

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

