import type { RuleHit } from "./types";

/** The strongest hit of each rule: a rule counts once however often its cue recurs. */
export function strongestHits(hits: RuleHit[]): RuleHit[] {
  const byRule = new Map<string, RuleHit>();
  for (const hit of hits) {
    const current = byRule.get(hit.rule);
    if (!current || Math.abs(hit.value) > Math.abs(current.value)) byRule.set(hit.rule, hit);
  }
  return [...byRule.values()];
}
