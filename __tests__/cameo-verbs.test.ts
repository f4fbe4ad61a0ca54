// The CAMEO verb dictionary: its generator, its matcher in the speaker's words, threats of force
// read from modality, and weight sets written before its families existed.
import fs from "node:fs";
import { featuresOfSentence } from "../lib/ingest/features";
import { buildCameoVerbs, CAMEO_VERBS_FILE, readWordNet, renderCameoVerbs } from "../scripts/data/cameo-verbs";
import { goldsteinTable } from "../lib/score/goldstein";
import { defaultWeights, scoreFeatures } from "../lib/score";
import { parseWeightSet } from "../lib/score/weights";
import { rowToWeights } from "../lib/store/rows";
import { CAMEO_FAMILY_PREFIX } from "../lib/core/cameo-families";
import type { RuleHit } from "../lib/core/types";

const verbHits = (sentence: string): RuleHit[] => featuresOfSentence(sentence).hits.filter((hit) => hit.rule.startsWith(CAMEO_FAMILY_PREFIX));
const codeOf = (hit: RuleHit) => /→ (\d+)$/.exec(hit.evidence)?.[1];

describe("the CAMEO verb dictionary", () => {
  it("is what its generator writes from the seeds and WordNet", () => {
    const entries = buildCameoVerbs(readWordNet(), goldsteinTable());
    expect(renderCameoVerbs(entries, goldsteinTable())).toBe(fs.readFileSync(CAMEO_VERBS_FILE, "utf8"));
    expect(entries.length).toBeGreaterThan(1000);
    expect(entries.some((e) => e.source === "wordnet")).toBe(true);
  });

  const byFamily: [string, string][] = [
    ["01", "We mourn the victims in Sweden"],
    ["02", "We beseech Sweden to reconsider"],
    ["03", "We stand by Sweden"],
    ["04", "We will consult Sweden next week"],
    ["05", "We laud the people of Sweden"],
    ["06", "We will share intelligence with Sweden"],
    ["07", "We will donate ten million crowns to Sweden"],
    ["08", "We will repatriate the fishermen tomorrow"],
    ["09", "We will investigate the incident"],
    ["10", "We clamor for justice"],
    ["11", "We castigate the government in Stockholm"],
    ["12", "We rebuff the proposal from Stockholm"],
    ["13", "We menace no one"],
    ["14", "We will boycott the games in Sweden"],
    ["15", "We flexed our muscles"],
    ["16", "We will withhold funding from Stockholm"],
    ["17", "We arrested two spies yesterday"],
    ["18", "Yesterday we kidnapped nobody"],
    ["19", "Last night we shelled their positions"],
    ["20", "We annihilated the invaders"],
  ];
  it.each(byFamily)("matches a verb of root category %s", (root, words) => {
    const hits = verbHits(`"${words}," Ola Berg said.`);
    expect(hits.map((hit) => hit.rule)).toEqual([`${CAMEO_FAMILY_PREFIX}${root}`]);
    expect(hits[0].evidence).toMatch(/^.+ \(.+\) → \d+$/);
  });

  it("matches lemmas and reads future, modal and 'no option but to' forms of force as threats (138)", () => {
    expect(verbHits('"We annihilated the invaders," Ola Berg said.').map(codeOf)).toEqual(["202"]);
    expect(verbHits('"We will bombard their ports," Ola Berg said.').map(codeOf)).toEqual(["138"]);
    const cornered = verbHits('"We would have no option but to completely annihilate them," Ola Berg said.');
    expect(cornered.map((hit) => [hit.rule, codeOf(hit), hit.modifiers])).toEqual([["cameo:13", "138", []]]);
    expect(cornered[0].value).toBeLessThan(0);
  });

  it("reads a negated threat as reassurance and damps a conditional one", () => {
    const [never] = verbHits('"We will never bombard Sweden," Ola Berg said.');
    expect([codeOf(never), never.modifiers]).toEqual(["138", ["negated"]]);
    expect(scoreFeatures({ lexicon: 0, hits: [never] }, defaultWeights()).score).toBeGreaterThan(0);
    const [plain] = verbHits('"We will bombard their ports," Ola Berg said.');
    const [conditional] = verbHits('"If they cross the line, we will bombard their ports," Ola Berg said.');
    expect(conditional.modifiers).toEqual(["conditional"]);
    expect(Math.abs(conditional.value)).toBeLessThan(Math.abs(plain.value));
  });

  it("reads only the speaker's words, and another's hostile act there as an accusation", () => {
    expect(verbHits('Sweden shelled the border town on Monday, and Ola Berg said: "We want calm."')).toEqual([]);
    expect(verbHits('"Sweden shelled the border town," Ola Berg said.').map(codeOf)).toEqual(["112"]);
  });

  it("reads an “-ed” adjective before its noun or after a possessive as no verb (“our armed forces”)", () => {
    expect(verbHits('"Our armed forces will stay in their barracks," Ola Berg said.')).toEqual([]);
  });

  it("does not count words a hand-written rule already counts", () => {
    const hits = featuresOfSentence('"We will never attack Sweden," Ola Berg said.').hits;
    expect(hits.map((hit) => hit.rule)).toEqual(["threaten_force"]);
  });
});

describe("weight sets written before the verb dictionary", () => {
  const old = () => {
    const w = defaultWeights();
    return { ...w, rules: Object.fromEntries(Object.entries(w.rules).filter(([id]) => !id.startsWith(CAMEO_FAMILY_PREFIX))) };
  };

  it("load from the store and from files with the families' default weights, and score their hits", () => {
    const stored = rowToWeights({ version: 1, weights: old(), createdAt: new Date(0), note: "", createdBy: "system", active: true } as never);
    expect(stored.weights).toEqual(defaultWeights());
    const parsed = parseWeightSet(old());
    expect(parsed.ok && parsed.weights).toEqual(defaultWeights());
    const features = featuresOfSentence('"We will bombard their ports," Ola Berg said.');
    expect(scoreFeatures(features, stored.weights).score).toBeLessThan(-3);
  });
});
