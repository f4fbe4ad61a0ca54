// Why a statement got its score: its contributions under the weight set that scored it, and
// in words, each contribution joined with the rule it came from (name, explanation, CAMEO
// code) and the words that fired it.
import type { Contribution, Features, WeightSet } from "../core/types";
import { CAP_FEATURE, LEXICON_FEATURE, LEXICON_SHARE_UNDER_RULES, scoreFeatures } from ".";
import { RULES_BY_ID } from "../core/rules";
import { strongestHits } from "../core/hits";

export interface ExplainedContribution extends Contribution {
  /** Human name of the feature, e.g. a rule's name. */
  name: string;
  explanation: string;
  cameo: string | null;
  /** The words that matched and the modifiers applied, for rule features. */
  evidence: string | null;
  modifiers: string[];
}

const RULE_PREFIX = "rule:";

/**
 * A stored statement's contributions: its features scored with the weight set (of `weights`, by
 * version) that scored it. Not stored: they are a pure function of both, so a re-score rewrites
 * the scored pairs, not these.
 */
export function contributionsOf(features: Features, weights: Map<number, WeightSet>, version: number): Contribution[] {
  const set = weights.get(version);
  if (!set) throw new Error(`statement scored by weight set ${version}, which is not stored`);
  return scoreFeatures(features, set).contributions;
}

export function explainContributions(contributions: Contribution[], features: Features): ExplainedContribution[] {
  const hits = new Map(strongestHits(features.hits).map((hit) => [hit.rule, hit]));
  return contributions.map((c) => {
    if (c.feature === LEXICON_FEATURE) {
      return {
        ...c,
        name: "Word sentiment",
        explanation: `the more hostile of wink-nlp's and VADER's sentiment of the statement's words, spread over −1 to +1, times the lexicon weight (× ${LEXICON_SHARE_UNDER_RULES} when a rule contributes: the rule reads the words in their context).`,
        cameo: null,
        evidence: null,
        modifiers: [],
      };
    }
    if (c.feature === CAP_FEATURE) {
      return { ...c, name: "Cap", explanation: "Scores are capped to the −10 … +10 scale; this removes the excess.", cameo: null, evidence: null, modifiers: [] };
    }
    const ruleId = c.feature.startsWith(RULE_PREFIX) ? c.feature.slice(RULE_PREFIX.length) : c.feature;
    const rule = RULES_BY_ID.get(ruleId);
    const hit = hits.get(ruleId);
    return {
      ...c,
      name: rule?.name ?? ruleId,
      explanation: rule?.explanation ?? "This rule is no longer in the rule file.",
      cameo: rule?.cameo ?? null,
      evidence: hit?.evidence ?? null,
      modifiers: hit?.modifiers ?? [],
    };
  });
}

/** The evidence of the rule contributing most points: what the chart quotes for a statement. */
export function strongestEvidence(contributions: Contribution[], features: Features): string | null {
  let best: ExplainedContribution | null = null;
  for (const c of explainContributions(contributions, features)) {
    if (c.evidence && (!best || Math.abs(c.points) > Math.abs(best.points))) best = c;
  }
  return best?.evidence ?? null;
}
