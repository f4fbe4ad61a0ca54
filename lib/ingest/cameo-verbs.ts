// The CAMEO verb dictionary (lib/data/cameo-verbs.json) read in the speaker's words: a verb by
// its wink lemma, the words right after it, and the head noun of the phrase after it in its
// clause. A force verb in a future, modal, conditional or "no option but to" form is a threat of
// force; negation, hedges and conditionals scale a hit as they scale a rule's.
import dictionary from "../data/cameo-verbs.json";
import modifiers from "../data/modifiers.json";
import { CAMEO_GOLDSTEIN, familyRuleId } from "../core/cameo-families";
import { RULES_BY_ID, cuesOf } from "../core/rules";
import type { RuleHit } from "../core/types";
import { isPassive, type AnalyzedText, type CueMatch, type Token } from "./nlp";
import { firstStartingAtOrAfter, sentenceHoldingToken } from "./extract/positions";

interface Span {
  start: number;
  end: number;
}

/** How negation, hedges and conditionals scale a match (lib/ingest/features.ts modifiersFor). */
export type Modifiers = (analyzed: AnalyzedText, match: CueMatch) => { value: number; applied: string[] };

interface VerbEntry {
  lemma: string;
  words: string[];
  /** Head noun, or a phrase of several words; "" when the verb alone decides. */
  object: string;
  code: string;
}

const ENTRIES_BY_LEMMA = new Map<string, VerbEntry[]>();
for (const [lemma, words, object, code] of dictionary.verbs as [string, string, string, string, string][]) {
  const list = ENTRIES_BY_LEMMA.get(lemma) ?? [];
  list.push({ lemma, words: words ? words.split(" ") : [], object, code });
  ENTRIES_BY_LEMMA.set(lemma, list);
}

const THREAT = modifiers.threat;
const THREAT_FAMILIES = new Set(THREAT.families);
const MODALS = new Set(THREAT.modals);
const LEAD_INS = new Set(THREAT.leadIns);
const THREAT_PHRASES = THREAT.phrases.map((phrase) => phrase.split(" "));
const CONDITIONALS = new Set(modifiers.conditional.words);
const CLAUSE_END = new Set([",", ";", ":", "—", "–", ".", "(", ")", "?", "!"]);
/** How far after the verb its object's head may lie ("impose tough new economic sanctions"). */
const OBJECT_REACH = 8;
const NOUNISH = new Set(["NOUN", "PROPN", "ADJ"]);

/** Singular forms a plural noun may have: "sanctions" → "sanction", "atrocities" → "atrocity". */
function singulars(word: string): string[] {
  const forms = [word];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  return forms;
}

interface Found {
  entry: VerbEntry;
  /** Last token the pattern reads: the verb, its words or the object. */
  lastToken: number;
  objectText: string;
}

/** The dictionary's most specific entry for the verb at `at`: with an object, then with words, then the verb alone. */
function matchVerb(tokens: Token[], at: number, lemma: string, clauseEnd: number): Found | null {
  const entries = ENTRIES_BY_LEMMA.get(lemma);
  if (!entries) return null;
  let best: Found | null = null;
  let bestRank = -1;
  for (const entry of entries) {
    let k = at + 1;
    if (!entry.words.every((word, i) => tokens[at + 1 + i]?.normal === word && at + 1 + i <= clauseEnd)) continue;
    k += entry.words.length;
    let found: Found = { entry, lastToken: k - 1, objectText: "" };
    if (entry.object) {
      const object = findObject(tokens, k, clauseEnd, entry.object);
      if (object === null) continue;
      found = { entry, lastToken: object, objectText: tokens[object].text };
    }
    const rank = (entry.object ? 2 : 0) + (entry.words.length ? 1 : 0);
    const stronger = best && rank === bestRank && Math.abs(goldstein(entry.code)) > Math.abs(goldstein(best.entry.code));
    if (rank > bestRank || stronger) {
      best = found;
      bestRank = rank;
    }
  }
  return best;
}

/** The token ending `object` among the nouns after the verb, before the clause or the next verb ends the phrase. */
function findObject(tokens: Token[], from: number, clauseEnd: number, object: string): number | null {
  const words = object.split(" ");
  const last = Math.min(clauseEnd, from + OBJECT_REACH - 1);
  for (let k = from; k <= last; k++) {
    if (tokens[k].pos === "VERB" && k > from) return null;
    if (!NOUNISH.has(tokens[k].pos) && !(words.length > 1 && k + words.length - 1 <= last)) continue;
    const end = k + words.length - 1;
    if (end > last) return null;
    const fits = words.every((word, i) => (i === words.length - 1 ? singulars(tokens[k + i].normal).includes(word) : tokens[k + i].normal === word));
    if (fits) return end;
  }
  return null;
}

const goldstein = (code: string): number => CAMEO_GOLDSTEIN.get(code) ?? 0;

/** Where a threat form starts before the verb at `at` in its clause, or -1: a modal, a lead-in and "to", a phrase, a conditional. */
function threatStart(tokens: Token[], at: number, clauseStart: number, sentenceStart: number): { from: number; phrase: number } {
  const none = { from: -1, phrase: -1 };
  for (let k = at - 1; k >= clauseStart && at - k <= modifiers.window; k--) {
    const normal = tokens[k].normal;
    if (MODALS.has(normal)) return { from: k, phrase: -1 };
    if (normal === "to") {
      const phrase = THREAT_PHRASES.find((words) => words.length <= k - clauseStart + 1 && words.every((w, i) => tokens[k - words.length + 1 + i].normal === w));
      if (phrase) return { from: k - phrase.length + 1, phrase: k - phrase.length + 1 };
      const lead = tokens[k - 1];
      if (lead && (LEAD_INS.has(lead.lemma) || LEAD_INS.has(lead.normal))) return { from: k - 1, phrase: -1 };
    }
  }
  for (let k = at - 1; k >= sentenceStart; k--) if (CONDITIONALS.has(tokens[k].normal)) return { from: k, phrase: -1 };
  return none;
}

function clauseBounds(tokens: Token[], at: number, sentence: { firstToken: number; lastToken: number }): [number, number] {
  let start = at;
  while (start > sentence.firstToken && !CLAUSE_END.has(tokens[start - 1].text)) start--;
  let end = at;
  while (end < sentence.lastToken && !CLAUSE_END.has(tokens[end + 1].text)) end++;
  return [start, end];
}

/** Token indices of cue matches that fired a hand-written rule: those words are already counted. */
function coveredByRules(analyzed: AnalyzedText, ruleHits: RuleHit[]): Set<number> {
  const cues = new Set(ruleHits.flatMap((hit) => (RULES_BY_ID.get(hit.rule)?.requires ?? []).flatMap(cuesOf)));
  const covered = new Set<number>();
  for (const match of analyzed.cues) {
    if (!cues.has(match.cue)) continue;
    for (let k = match.firstToken; k <= match.lastToken; k++) covered.add(k);
  }
  return covered;
}

/**
 * The dictionary's hits in the speaker's words (`quotes`), one per verb matched, leaving out
 * words a hand-written rule in `ruleHits` already counts.
 */
export function cameoVerbHits(analyzed: AnalyzedText, quotes: Span[], ruleHits: RuleHit[], modifiersOf: Modifiers): RuleHit[] {
  const { tokens, sentences } = analyzed;
  const hits: RuleHit[] = [];
  let covered: Set<number> | null = null;
  for (const quote of quotes) {
    const last = firstStartingAtOrAfter(tokens, quote.end) - 1;
    for (let at = firstStartingAtOrAfter(tokens, quote.start); at <= last; at++) {
      const token = tokens[at];
      if (token.end > quote.end || isBareGerund(tokens, at)) continue;
      const lemma = verbLemma(tokens, at);
      if (!lemma) continue;
      const sentence = sentences[sentenceHoldingToken(sentences, at)] ?? { firstToken: 0, lastToken: tokens.length - 1 };
      const [clauseStart, clauseEnd] = clauseBounds(tokens, at, sentence);
      const found = matchVerb(tokens, at, lemma, Math.min(clauseEnd, last));
      if (!found) continue;
      covered ??= coveredByRules(analyzed, ruleHits);
      if (covered.has(at) || covered.has(found.lastToken)) continue;
      const hit = hitOf(analyzed, token, found, Math.max(clauseStart, sentence.firstToken), sentence.firstToken, modifiersOf);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

/**
 * The dictionary lemma of a verb at `at`, or "". wink tags some past forms after their subject as
 * adjectives ("they annihilated the village"): an "-ed" word right after a noun or pronoun is
 * read as the verb whose dictionary lemma it ends from.
 */
function verbLemma(tokens: Token[], at: number): string {
  const token = tokens[at];
  if (token.pos === "VERB") return ENTRIES_BY_LEMMA.has(token.lemma) ? token.lemma : "";
  if (token.pos !== "ADJ" || !token.normal.endsWith("ed") || !SUBJECT_POS.has(tokens[at - 1]?.pos ?? "")) return "";
  // "our armed forces": after a possessive, or before the noun it describes, the word is an adjective.
  if (POSSESSIVES.has(tokens[at - 1].normal) || ["NOUN", "PROPN"].includes(tokens[at + 1]?.pos ?? "")) return "";
  const stem = token.normal.slice(0, -2);
  return [`${stem}e`, stem, stem.slice(0, -1)].find((lemma) => ENTRIES_BY_LEMMA.has(lemma)) ?? "";
}

const BE = new Set(["be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m"]);

/**
 * "-ing" without a form of "be" before it is a gerund or a participle used as a noun or an
 * adjective ("the negotiating position", "while fighting"), not an act the clause reports.
 */
function isBareGerund(tokens: Token[], at: number): boolean {
  if (!tokens[at].normal.endsWith("ing")) return false;
  let k = at - 1;
  while (k >= 0 && tokens[k].pos === "ADV") k--;
  return !(k >= 0 && BE.has(tokens[k].normal));
}

const FIRST_PERSON = new Set(modifiers.reportedAct.firstPerson);
const SUBJECT_POS = new Set(["NOUN", "PROPN", "PRON"]);
const POSSESSIVES = new Set(["my", "our", "your", "his", "her", "its", "their"]);
const PHRASE_WORDS = new Set(THREAT_PHRASES.flat());

/**
 * Someone other than the speaker is named doing the act ("Sweden has expelled our ambassador",
 * "crime, which threatens the state", "until they surrender"): the noun or pronoun nearest before
 * the verb in its clause is not first person ("we", "our forces"). A clause without one
 * ("threatened to cut power") is the speaker's own.
 */
function isReportedAct(tokens: Token[], at: number, clauseStart: number): boolean {
  for (let k = at - 1; k >= clauseStart; k--) {
    if (FIRST_PERSON.has(tokens[k].normal)) return false;
    // "no option but to": the phrase's noun is nobody.
    if (PHRASE_WORDS.has(tokens[k].normal) || (!SUBJECT_POS.has(tokens[k].pos) && tokens[k].normal !== "which" && tokens[k].normal !== "who")) continue;
    let before = k - 1;
    while (before >= clauseStart && ["NOUN", "PROPN", "ADJ"].includes(tokens[before].pos)) before--;
    return !(before >= clauseStart && FIRST_PERSON.has(tokens[before].normal));
  }
  return false;
}

function hitOf(analyzed: AnalyzedText, verb: Token, found: Found, clauseStart: number, sentenceStart: number, modifiersOf: Modifiers): RuleHit | null {
  const { tokens } = analyzed;
  const { entry } = found;
  const pattern = [entry.lemma, ...entry.words].join(" ") + (entry.object ? ` + ${entry.object}` : "");
  const surface = [verb.text, ...entry.words].join(" ") + (found.objectText ? ` … ${found.objectText}` : "");
  let code = entry.code;
  let firstToken = verb.index;
  let reading = pattern;
  let view = analyzed;
  if (THREAT_FAMILIES.has(code.slice(0, 2))) {
    const threat = threatStart(tokens, verb.index, clauseStart, sentenceStart);
    if (threat.from >= 0) {
      reading = `${pattern} ${code}, future, modal or conditional: threat of force`;
      code = THREAT.code;
      // "no option but to": the phrase's own "no" does not negate the threat.
      if (threat.phrase >= 0) {
        const masked = tokens.slice();
        masked[threat.phrase] = { ...tokens[threat.phrase], normal: "" };
        view = { ...analyzed, tokens: masked };
      }
      if (threat.phrase >= 0 || MODALS.has(tokens[threat.from].normal)) firstToken = threat.from;
    }
  }
  // Another's act in the speaker's words: a hostile one is the speaker's accusation, whatever
  // the act; a friendly one is not the speaker's friendliness.
  if (isPassive(tokens, verb.index) || isReportedAct(tokens, verb.index, clauseStart)) {
    if (goldstein(code) >= 0) return null;
    reading = `${reading}; done by another: accusation`;
    code = modifiers.reportedAct.code;
  }
  const match: CueMatch = { cue: "cameo-verb", firstToken: verb.index, lastToken: found.lastToken, start: verb.start, end: tokens[found.lastToken].end, text: surface };
  const { value, applied } = modifiersOf(view, match);
  const prefix = firstToken < verb.index ? `${tokens.slice(firstToken, verb.index).map((t) => t.text).join(" ")} ` : "";
  return {
    rule: familyRuleId(code),
    value: Math.round((goldstein(code) / 10) * value * 1000) / 1000 + 0,
    evidence: `${prefix}${surface} (${reading}) → ${code}`,
    modifiers: applied,
  };
}
