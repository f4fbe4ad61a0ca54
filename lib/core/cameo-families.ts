// The CAMEO verb dictionary's families as scored rules: a verb match is a hit of its code's root
// category ("cameo:19"), whose value carries the matched code's Goldstein value (see
// lib/ingest/cameo-verbs.ts) and whose weight scales the whole family.
import dictionary from "../data/cameo-verbs.json";

export const CAMEO_FAMILY_PREFIX = "cameo:";

/**
 * A family's default weight: a hit's value is its code's Goldstein value over ten (signed, at
 * most 1), so at this weight a plain match scores its code's Goldstein value.
 */
export const CAMEO_FAMILY_DEFAULT_WEIGHT = 10;

/** Goldstein value of every code the dictionary maps to, as the generator wrote it. */
export const CAMEO_GOLDSTEIN: Map<string, number> = new Map(Object.entries(dictionary.codes as Record<string, number>));

export const familyRuleId = (code: string): string => `${CAMEO_FAMILY_PREFIX}${code.slice(0, 2)}`;

/** Shaped as lib/core/rules.ts Rule (not imported: rules.ts lists these). */
export const CAMEO_FAMILY_RULES = Object.entries(dictionary.families as Record<string, string>)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([root, name]) => ({
    id: `${CAMEO_FAMILY_PREFIX}${root}`,
    name: `${name} (verb dictionary)`,
    cameo: root,
    explanation: `A verb of CAMEO category ${root} (${name.toLowerCase()}) in the speaker's words, from the CAMEO verb dictionary (lib/data/cameo-verbs.json): the matched code's Goldstein value ÷ 10, scaled by negation, hedges and conditionals, times this weight.`,
    requires: [] as never[],
    defaultWeight: CAMEO_FAMILY_DEFAULT_WEIGHT,
  }));
