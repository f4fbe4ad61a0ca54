// The rule catalogue (lib/data/rules.json): what each rule needs to fire, read by the analysis
// that finds hits and by the scoring that weighs and explains them.
import rulesData from "../data/rules.json";

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
}

export const RULES: Rule[] = rulesData.rules as Rule[];
export const CUE_EXPLANATIONS: Record<string, string> = Object.fromEntries(
  Object.entries(rulesData.cues).map(([id, cue]) => [id, (cue as { explanation: string }).explanation]),
);

export const RULES_BY_ID: Map<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));

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
