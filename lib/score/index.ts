import { strongestHits } from "../core/hits";
import type { Contribution, Features, Label, RuleHit, Score, ScoredStatement, Statement, WeightSet } from "../core/types";
import { RULES_BY_ID, SCORED_RULES } from "../core/rules";
import { goldsteinWeight } from "./goldstein";

export const SCORE_LIMIT = 10;
export const LEXICON_FEATURE = "lexicon";
export const CAP_FEATURE = "cap to ±10";

/**
 * The lexicon alone can reach either end of the scale: most statements fire no rule, and a
 * statement no rule catches can still be plainly hostile or conciliatory.
 */
const DEFAULT_LEXICON_WEIGHT = 10;
const DEFAULT_THRESHOLDS = { hostile: -1.5, conciliatory: 1.5 };

/**
 * A rule reads words in their context ("sounds good" answering a question about an intervention);
 * the lexicon reads them alone. Where a rule contributes, the lexicon counts for this share of
 * its weight, so that it shades the rule's reading instead of overturning it.
 */
export const LEXICON_SHARE_UNDER_RULES = 0.1;

export function defaultWeights(): WeightSet {
  return {
    lexicon: DEFAULT_LEXICON_WEIGHT,
    rules: Object.fromEntries(SCORED_RULES.map((rule) => [rule.id, rule.defaultWeight ?? goldsteinWeight(rule.cameo)])),
    thresholds: { ...DEFAULT_THRESHOLDS },
  };
}

export function ruleFeature(ruleId: string): string {
  return `rule:${ruleId}`;
}

/** Work in hundredths so that the contributions add up to the score exactly. */
const toHundredths = (value: number) => Math.round(value * 100);

export function labelFor(score: number, thresholds: WeightSet["thresholds"]): Label {
  if (score <= thresholds.hostile) return "hostile";
  if (score >= thresholds.conciliatory) return "conciliatory";
  return "neutral";
}


/** A rule's value as scoring needs it: the strongest hit of each rule, without its evidence. */
export interface RuleValue {
  rule: string;
  value: number;
}

/** Features' rule hits as stored in Scoring.ruleValues: "rule=value;rule=value" (every hit). */
export function encodeRuleValues(features: Features): string {
  return features.hits.map((hit) => `${hit.rule}=${hit.value}`).join(";");
}

/** The strongest value per rule from Scoring.ruleValues, as strongestHits picks them. */
export function strongestRuleValues(encoded: string | null): RuleValue[] {
  if (!encoded) return [];
  const strongest = new Map<string, number>();
  for (const pair of encoded.split(";")) {
    const at = pair.lastIndexOf("=");
    const rule = pair.slice(0, at);
    const value = Number(pair.slice(at + 1));
    const current = strongest.get(rule);
    if (current === undefined || Math.abs(value) > Math.abs(current)) strongest.set(rule, value);
  }
  return [...strongest].map(([rule, value]) => ({ rule, value }));
}

/** A rule's weight; 0 for a rule the set does not weigh, whatever its id ("constructor" is no weight). */
function ruleWeight(weights: WeightSet, rule: string): number {
  return Object.hasOwn(weights.rules, rule) ? weights.rules[rule] : 0;
}

/** The lexicon's weight for a statement: all of it, or its share under rules when any rule contributes. */
export function lexiconWeightFor(strongest: RuleValue[], weights: WeightSet): number {
  const ruled = strongest.some((hit) => hit.value * ruleWeight(weights, hit.rule) !== 0);
  return ruled ? weights.lexicon * LEXICON_SHARE_UNDER_RULES : weights.lexicon;
}

/**
 * The largest feature value scored. The pipeline makes the lexicon value within ±1 and a rule's
 * value ±1 scaled by its modifiers; anything far beyond, or not a number, is not a feature but a
 * damaged record, and would make a score that is no number or an explanation that does not add up.
 */
export const FEATURE_VALUE_LIMIT = 1000;

function checkFeatureValue(feature: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > FEATURE_VALUE_LIMIT) {
    throw new Error(`feature ${feature} has the value ${String(value)}, not a number within ±${FEATURE_VALUE_LIMIT}`);
  }
}

/**
 * Score, label and CAMEO code: the score arithmetic, used alone when scoring many statements
 * at once (preview, re-score) and by scoreFeatures, which adds the explanation. `strongest`
 * holds one value per rule.
 */
export function scoreValues(lexicon: number, strongest: RuleValue[], weights: WeightSet): { score: number; label: Label; cameo: string | null } {
  checkFeatureValue(LEXICON_FEATURE, lexicon);
  for (const hit of strongest) checkFeatureValue(ruleFeature(hit.rule), hit.value);
  let raw = toHundredths(toHundredths(lexicon * lexiconWeightFor(strongest, weights)) / 100);
  let strongestRule: { cameo: string; points: number } | null = null;
  for (const hit of strongest) {
    const weight = ruleWeight(weights, hit.rule);
    raw += toHundredths(toHundredths(hit.value * weight) / 100);
    const points = Math.abs(hit.value * weight);
    const rule = RULES_BY_ID.get(hit.rule);
    if (rule && points > 0 && (!strongestRule || points > strongestRule.points)) strongestRule = { cameo: rule.cameo, points };
  }
  const limit = SCORE_LIMIT * 100;
  const score = Math.max(-limit, Math.min(limit, raw)) / 100;
  return { score, label: labelFor(score, weights.thresholds), cameo: strongestRule?.cameo ?? null };
}

/**
 * Scores many (lexicon value, Scoring.ruleValues) pairs under one weight set, parsing each
 * distinct encoding of rule hits once: many statements share theirs.
 */
export function pairScorer(weights: WeightSet): (lexicon: number, ruleValues: string) => ReturnType<typeof scoreValues> {
  const rulesOf = new Map<string, RuleValue[]>();
  return (lexicon, ruleValues) => {
    let strongest = rulesOf.get(ruleValues);
    if (strongest === undefined) rulesOf.set(ruleValues, (strongest = strongestRuleValues(ruleValues)));
    return scoreValues(lexicon, strongest, weights);
  };
}

/**
 * Pure: the score of stored features under a weight set, with its explanation (one
 * contribution per feature, plus the cap when it applies). No NLP runs here.
 */
export function scoreFeatures(features: Features, weights: WeightSet): Score {
  const strongest = strongestHits(features.hits);
  const { score, label, cameo } = scoreValues(features.lexicon, strongest, weights);
  const contribution = (feature: string, value: number, weight: number): Contribution => ({ feature, value, weight, points: toHundredths(value * weight) / 100 });
  const contributions = [
    contribution(LEXICON_FEATURE, features.lexicon, lexiconWeightFor(strongest, weights)),
    ...strongest.map((hit) => contribution(ruleFeature(hit.rule), hit.value, ruleWeight(weights, hit.rule))),
  ];
  const raw = contributions.reduce((sum, c) => sum + toHundredths(c.points), 0);
  const capped = toHundredths(score);
  if (capped !== raw) {
    const excess = (capped - raw) / 100;
    contributions.push({ feature: CAP_FEATURE, value: excess, weight: 1, points: excess });
  }
  return { score, label, cameo, contributions };
}

export function scoreStatements(statements: Statement[], weights: WeightSet): ScoredStatement[] {
  return statements.map((statement) => ({ ...statement, ...scoreFeatures(statement.features, weights) }));
}
