// Epithets: the list's generator, and the matcher that counts an epithet only where the speaker
// applies it to a person, a government, a state or a people.
import fs from "node:fs";
import { featuresOfSentence } from "../lib/ingest/features";
import { EPITHET_RULE } from "../lib/ingest/epithets";
import { buildEpithets, EPITHETS_FILE, readInputs, renderEpithets } from "../scripts/data/epithets";
import { defaultWeights, scoreFeatures } from "../lib/score";
import type { RuleHit } from "../lib/core/types";

const epithetHits = (sentence: string): RuleHit[] =>
  featuresOfSentence(sentence).hits.filter((hit) => hit.rule === EPITHET_RULE && hit.evidence.includes("(epithet "));

describe("the epithet list", () => {
  const { lexicons, wordnet } = readInputs();
  const epithets = buildEpithets(lexicons, wordnet);

  it("is what its generator writes from the lexicons, WordNet and the seed", () => {
    expect(renderEpithets(epithets)).toBe(fs.readFileSync(EPITHETS_FILE, "utf8"));
  });

  it("takes strongly negative nouns of persons and adjectives of traits from both lexicons, not victims or feelings", () => {
    const nouns = new Map(epithets.nouns.map((e) => [e.word, e]));
    const adjectives = new Set(epithets.adjectives.map((e) => e.word));
    expect(nouns.get("liar")?.sources).toEqual(["afinn", "vader"]);
    expect(nouns.get("coward")?.strength).toBeGreaterThanOrEqual(0.5);
    expect(nouns.get("thug")?.sources).toEqual(["seed"]);
    expect(adjectives.has("cruel")).toBe(true);
    // rated strongly negative, but a person who suffers or a feeling
    for (const word of ["victim", "prisoner", "casualty", "mourner"]) expect(nouns.has(word)).toBe(false);
    expect(adjectives.has("sad")).toBe(false);
    // a noun of something else than a person ("disaster") or below the threshold ("critic")
    expect(nouns.has("disaster")).toBe(false);
    expect(nouns.has("critic")).toBe(false);
    expect(epithets.phrases.map((e) => e.word)).toEqual(expect.arrayContaining(["paper tiger", "puppet regime"]));
  });
});

describe("epithets applied to someone", () => {
  it.each([
    ['"The Swedish government is a gang of thugs," Ola Berg said.', "thug", "predicate"],
    ['"We will not talk to this puppet regime," Ola Berg said.', "puppet regime", "label"],
    ['"Berg is a coward," Karin Lund said.', "coward", "predicate"],
    ['"Sweden is a paper tiger," Ola Berg said.', "paper tiger", "predicate"],
    ['"They are a cruel and corrupt regime," Ola Berg said.', "cruel", "attribute"],
    ['"Berg, that coward, ran away," Karin Lund said.', "coward", "demonstrative"],
    ['"Lund, a liar, says otherwise," Ola Berg said.', "liar", "apposition"],
    ['"You cowards!" Ola Berg shouted.', "coward", "vocative"],
    ['Ola Berg called Sweden "a gang of liars".', "liar", 'label after "called"'],
  ])("%s fires the insult rule", (sentence, entry, pattern) => {
    const hits = epithetHits(sentence);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].value).toBe(1);
    expect(hits[0].evidence).toContain(`(epithet "${entry}", ${pattern})`);
  });

  it.each([
    '"We will fight criminals," Ola Berg said.',
    'Thugs attacked a shop in Oslo. "We condemn the attack," Ola Berg said.',
    '"The situation is dangerous," Ola Berg said.',
    '"We are no cowards," Ola Berg said.',
    '"Sweden is not an enemy," Ola Berg said.',
  ])("%s: no epithet is applied to anyone", (sentence) => {
    expect(epithetHits(sentence)).toEqual([]);
  });

  it("flips and damps under negation, halves under a conditional, and is left alone by a negation of another verb", () => {
    const [negated] = epithetHits('"Berg is not a coward," Karin Lund said.');
    expect(negated.modifiers).toEqual(["negated"]);
    expect(negated.value).toBeCloseTo(-0.5);
    const [conditional] = epithetHits('"If they are cowards, they will run," Karin Lund said.');
    expect(conditional.modifiers).toEqual(["conditional"]);
    expect(conditional.value).toBeCloseTo(0.5);
    expect(epithetHits('"We will not talk to this puppet regime," Ola Berg said.')[0].modifiers).toEqual([]);
  });

  it("scores through the insult rule's weight and shows the epithet in the explanation", () => {
    const features = featuresOfSentence('"Ola Berg is a hypocrite," Karin Lund said.');
    const weights = defaultWeights();
    const insult = scoreFeatures(features, weights).contributions.find((c) => c.feature === `rule:${EPITHET_RULE}`);
    expect(insult?.points).toBe(weights.rules[EPITHET_RULE]);
    expect(features.hits.find((hit) => hit.rule === EPITHET_RULE)?.evidence).toBe('hypocrite (epithet "hypocrite", predicate)');
    const retuned = scoreFeatures(features, { ...weights, rules: { ...weights.rules, [EPITHET_RULE]: -5 } });
    expect(retuned.contributions.find((c) => c.feature === `rule:${EPITHET_RULE}`)?.points).toBe(-5);
  });
});
