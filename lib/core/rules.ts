// The rule catalogue (lib/data/rules.json): what each rule needs to fire, read by the analysis
// that finds hits and by the scoring that weighs and explains them.
import rulesData from "../data/rules.json";
import { CAMEO_FAMILY_RULES } from "./cameo-families";

export interface RuleRequirement {
  /** One cue, or several of which any will do. */
  cue: string | string[];
  in: "quote" | "frame" | "any";
}

export const cuesOf = (requirement: RuleRequirement): string[] =>
  Array.isArray(requirement.cue) ? requirement.cue : [requirement.cue];

/** Cues whose own negators are part of the phrase ("why not"): only a negator before the match negates. */
export const IDIOMATIC_NEGATION: Set<string> = new Set(
  Object.entries(rulesData.cues)
    .filter(([, cue]) => (cue as { idiomaticNegation?: boolean }).idiomaticNegation)
    .map(([id]) => id),
);

export interface Rule {
  id: string;
  name: string;
  cameo: string;
  explanation: string;
  requires: RuleRequirement[];
  /** The weight a new weight set gives the rule; the Goldstein value of its CAMEO code when absent. */
  defaultWeight?: number;
}

export const RULES: Rule[] = rulesData.rules as Rule[];
export const CUE_EXPLANATIONS: Record<string, string> = Object.fromEntries(
  Object.entries(rulesData.cues).map(([id, cue]) => [id, (cue as { explanation: string }).explanation]),
);

/** Every rule a weight set weighs: the hand-written rules and the verb dictionary's families. */
export const SCORED_RULES: Rule[] = [...RULES, ...CAMEO_FAMILY_RULES];

export const RULES_BY_ID: Map<string, Rule> = new Map(SCORED_RULES.map((rule) => [rule.id, rule]));

/** A cue's entry in lib/data/rules.json: its patterns and what it means. */
export interface CueEntry {
  id: string;
  explanation: string;
  patterns: string[];
}

export function cueEntry(id: string): CueEntry | null {
  const cue = (rulesData.cues as Record<string, { explanation: string; patterns: string[] }>)[id];
  return cue ? { id, explanation: cue.explanation, patterns: cue.patterns } : null;
}
