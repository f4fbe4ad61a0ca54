// What /methodology shows of the analysis, read from the data files and the active weights, so
// that the page never drifts from what scores the statements. Pure.
import cameoVerbs from "../data/cameo-verbs.json";
import epithets from "../data/epithets.json";
import modifiers from "../data/modifiers.json";
import rulesData from "../data/rules.json";
import { SCORED_RULES, cuesOf, RULES } from "../core/rules";
import { CAMEO_FAMILY_PREFIX } from "../core/cameo-families";
import { defaultWeights, LEXICON_SHARE_UNDER_RULES } from "../score";
import type { WeightSet } from "../core/types";

export interface RuleTableRow {
  id: string;
  name: string;
  cameo: string;
  explanation: string;
  /** What the rule reads: its cues and their scope, or the verb dictionary's family. */
  reads: string;
  defaultWeight: number;
  weight: number;
}

/** Every scored rule with its default weight and its weight in `weights` (the active set). */
export function ruleTable(weights: WeightSet): RuleTableRow[] {
  const defaults = defaultWeights();
  return SCORED_RULES.map((rule) => ({
    id: rule.id,
    name: rule.name,
    cameo: rule.cameo,
    explanation: rule.explanation,
    reads: rule.id.startsWith(CAMEO_FAMILY_PREFIX)
      ? "verbs of the family in the CAMEO verb dictionary"
      : rule.requires.map((r) => `${cuesOf(r).join(" or ")} (${r.in === "any" ? "quote or frame" : r.in})`).join(" and "),
    defaultWeight: defaults.rules[rule.id],
    weight: weights.rules[rule.id] ?? defaults.rules[rule.id],
  }));
}

export interface VerbFamilyRow {
  code: string;
  name: string;
  /** Verb entries written from the codebook, and those WordNet added to them. */
  seeds: number;
  expansions: number;
}

type VerbEntry = [lemma: string, after: string, object: string, code: string, origin: string];

/** The CAMEO verb dictionary per family: how many entries were written by hand and how many WordNet added. */
export function verbFamilies(): VerbFamilyRow[] {
  const families = cameoVerbs.families as Record<string, string>;
  const rows = new Map(Object.entries(families).map(([code, name]) => [code, { code, name, seeds: 0, expansions: 0 }]));
  for (const [, , , code, origin] of cameoVerbs.verbs as VerbEntry[]) {
    const row = rows.get(code.slice(0, 2));
    if (!row) continue;
    if (origin === "seed") row.seeds++;
    else row.expansions++;
  }
  return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export interface DictionarySummary {
  cues: number;
  cuePatterns: number;
  rules: number;
  verbEntries: number;
  verbCodes: number;
  epithets: { nouns: number; adjectives: number; phrases: number; heads: number };
  modifiers: { window: number; negation: number; hedge: number; conditional: number; hedgeWords: number; conditionalWords: number };
  lexiconShareUnderRules: number;
}

/** The sizes of the linguistic data and the modifiers' factors. */
export function dictionarySummary(): DictionarySummary {
  const cues = Object.values(rulesData.cues as Record<string, { patterns: string[] }>);
  return {
    cues: cues.length,
    cuePatterns: cues.reduce((sum, cue) => sum + cue.patterns.length, 0),
    rules: RULES.length,
    verbEntries: cameoVerbs.verbs.length,
    verbCodes: Object.keys(cameoVerbs.codes).length,
    epithets: { nouns: epithets.nouns.length, adjectives: epithets.adjectives.length, phrases: epithets.phrases.length, heads: epithets.heads.length },
    modifiers: {
      window: Number(modifiers.window),
      negation: modifiers.negation.factor,
      hedge: modifiers.hedge.factor,
      conditional: modifiers.conditional.factor,
      hedgeWords: modifiers.hedge.words.length,
      conditionalWords: modifiers.conditional.words.length + modifiers.conditional.after.length,
    },
    lexiconShareUnderRules: LEXICON_SHARE_UNDER_RULES,
  };
}

/** Each data file's own account of where it comes from (its `_about`), for the sources section. */
export const DATA_FILE_ABOUT: Record<string, string> = {
  "lib/data/rules.json": rulesData._about,
  "lib/data/cameo-verbs.json": cameoVerbs._about,
  "lib/data/epithets.json": epithets._about,
  "lib/data/modifiers.json": modifiers._about,
};
