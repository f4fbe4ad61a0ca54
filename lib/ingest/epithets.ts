// Epithets (lib/data/epithets.json) applied, in the speaker's words, to a person, a government, a
// state or a people: as a predicate ("they are thugs"), before a head that names one ("this
// puppet regime"), after a demonstrative ("this criminal"), in apposition ("Berg, that coward,"),
// as a vocative ("you cowards") or as the label of "called X a …". An epithet merely used ("we will fight criminals") is no insult.
import data from "../data/epithets.json";
import modifiers from "../data/modifiers.json";
import type { RuleHit } from "../core/types";
import { singulars } from "../core/plurals";
import type { AnalyzedText, CueMatch, Token } from "./nlp";
import type { Modifiers } from "./cameo-verbs";
import { firstStartingAtOrAfter, sentenceHoldingToken } from "./extract/positions";

/** The hand-written insult rule (CAMEO 111): an applied epithet is one of its hits. */
export const EPITHET_RULE = "insult";

interface Span {
  start: number;
  end: number;
}

type Row = [string, number | null, string];
const NOUNS = new Set((data.nouns as Row[]).map(([word]) => word));
const ADJECTIVES = new Set((data.adjectives as Row[]).map(([word]) => word));
const PHRASES = (data.phrases as Row[]).map(([word]) => word.split(" ")).sort((a, b) => b.length - a.length);
/**
 * A phrase of several words starts at a token only with that token's word: every token of the
 * speaker's words is asked, and the few that start a phrase, hyphenated or not, are all the list
 * needs to be checked for.
 */
const PHRASE_FIRST_WORDS = new Set(PHRASES.filter((words) => words.length > 1).map((words) => words[0]));
const ONE_WORD_PHRASES = PHRASES.some((words) => words.length === 1);
const HEADS = data.heads.map((head) => head.split(" "));
const HEAD_WORDS = new Set(data.heads.filter((head) => !head.includes(" ")));
const COLLECTIVES = new Set(data.collectives);

const COPULAS = new Set(["is", "are", "was", "were", "be", "been", "being", "'s", "'re", "remain", "remains", "remained", "become", "becomes", "became"]);
/** Verbs that give their object a label: "called Sweden a pariah", "branded them thugs". */
const LABELLING = new Set(["call", "brand", "label", "dub", "term", "name", "see", "regard", "describe"]);
const DEMONSTRATIVES = new Set(["this", "that", "these", "those"]);
const FIRST_PERSON = new Set(["i", "we", "me", "us"]);
/** Subjects an adjective may describe without naming one: people, not things or situations. */
const PERSONAL = new Set(["he", "she", "they", "you", "them", "him"]);
/** Words inside the noun phrase before the epithet, or between it and a copula: "is not just a …". */
const PHRASE_POS = new Set(["DET", "ADJ", "ADV", "NUM", "PART"]);
const QUOTE_MARKS = new Set(['"', "“", "”", "'", "‘", "’", "«", "»"]);
const SUBJECT_POS = new Set(["NOUN", "PROPN", "PRON"]);
/** Words before an epithet that still scale it: hedges and conditionals ("if they are cowards"). */
const SCALING_BEFORE = new Set([...modifiers.hedge.words, ...modifiers.conditional.words]);

interface Epithet {
  first: number;
  last: number;
  /** The list entry: the noun's singular, the adjective, the phrase. */
  entry: string;
  kind: "noun" | "adjective" | "phrase";
}

const wordsAt = (tokens: Token[], at: number, words: string[]) =>
  words.every((word, i) => {
    const token = tokens[at + i];
    return token !== undefined && (i === words.length - 1 ? singulars(token.normal).includes(word) : token.normal === word);
  });

/** The epithet starting at `at`: the longest phrase, else a noun or adjective of the list. */
function epithetAt(tokens: Token[], at: number): Epithet | null {
  const token = tokens[at];
  const hyphenated = token.normal.includes("-") ? token.normal.split("-").join(" ") : "";
  const mayStartPhrase = hyphenated !== "" || ONE_WORD_PHRASES || PHRASE_FIRST_WORDS.has(token.normal);
  for (const words of mayStartPhrase ? PHRASES : []) {
    if (hyphenated && singulars(hyphenated).includes(words.join(" "))) return { first: at, last: at, entry: words.join(" "), kind: "phrase" };
    if (wordsAt(tokens, at, words)) return { first: at, last: at + words.length - 1, entry: words.join(" "), kind: "phrase" };
  }
  const noun = singulars(token.normal).find((form) => NOUNS.has(form));
  if (noun && token.pos !== "VERB") return { first: at, last: at, entry: noun, kind: "noun" };
  if (ADJECTIVES.has(token.normal) && token.pos === "ADJ") return { first: at, last: at, entry: token.normal, kind: "adjective" };
  return null;
}

/** The head an epithet modifies right after it ("puppet regime", "a cruel and corrupt leader"), or -1. */
function headAfter(tokens: Token[], epithet: Epithet): number {
  let k = epithet.last + 1;
  // "a cruel and corrupt regime", "a brutal, criminal regime"
  while (k < tokens.length && k - epithet.last <= 3 && (tokens[k].pos === "ADJ" || tokens[k].normal === "and" || tokens[k].normal === ",")) k++;
  const head = HEADS.find((words) => words.every((word, i) => tokens[k + i]?.normal === word));
  return head ? k + head.length - 1 : -1;
}

/** Skips back over the noun phrase before an epithet ("just a gang of", "not an") and quote marks: the token before it, or -1. */
function beforePhrase(tokens: Token[], from: number, floor: number): number {
  let k = from - 1;
  while (k >= floor) {
    const token = tokens[k];
    if (QUOTE_MARKS.has(token.text) || (PHRASE_POS.has(token.pos) && token.normal !== "you")) k--;
    else if (token.normal === "of" && COLLECTIVES.has(tokens[k - 1]?.normal ?? "")) k -= 2;
    else if (COLLECTIVES.has(token.normal) && tokens[k + 1]?.normal === "of") k--;
    else break;
  }
  return k;
}

/** The subject before a copula at `copula`: the nearest noun or pronoun, adverbs aside. */
function subjectBefore(tokens: Token[], copula: number, floor: number): Token | null {
  let k = copula - 1;
  while (k >= floor && (tokens[k].pos === "ADV" || tokens[k].pos === "AUX" || QUOTE_MARKS.has(tokens[k].text))) k--;
  return k >= floor && SUBJECT_POS.has(tokens[k].pos) ? tokens[k] : null;
}

const isPersonOrState = (token: Token) => token.pos === "PROPN" || PERSONAL.has(token.normal) || HEAD_WORDS.has(token.normal);

/** How the epithet is applied to someone, or null when it is merely used. */
interface Application {
  pattern: string;
  /** Where the words that apply the epithet start: the copula of a predicate, else the epithet. */
  firstToken: number;
  lastToken: number;
}

function application(tokens: Token[], epithet: Epithet, sentenceStart: number): Application | null {
  if (epithet.kind === "phrase" && epithet.entry.split(" ").some((word) => HEAD_WORDS.has(word))) return { pattern: "label", firstToken: epithet.first, lastToken: epithet.last };
  const head = headAfter(tokens, epithet);
  if (head >= 0) return { pattern: "attribute", firstToken: epithet.first, lastToken: head };
  // "protecting this criminal": a demonstrative points the noun at someone known.
  if (epithet.kind !== "adjective" && DEMONSTRATIVES.has(tokens[epithet.first - 1]?.normal ?? "")) return { pattern: "demonstrative", firstToken: epithet.first, lastToken: epithet.last };
  const before = beforePhrase(tokens, epithet.first, sentenceStart);
  if (before < sentenceStart) return null;
  const token = tokens[before];
  if (token.normal === "you") return { pattern: "vocative", firstToken: epithet.first, lastToken: epithet.last };
  if (COPULAS.has(token.normal)) {
    const subject = subjectBefore(tokens, before, sentenceStart);
    if (!subject || FIRST_PERSON.has(subject.normal) || subject.normal === "there") return null;
    // An adjective describes things as well as people: "the situation is dangerous".
    if (epithet.kind === "adjective" && !isPersonOrState(subject)) return null;
    return { pattern: "predicate", firstToken: before, lastToken: epithet.last };
  }
  if (token.normal === "," && epithet.kind !== "adjective" && tokens[before - 1] && isPersonOrState(tokens[before - 1])) return { pattern: "apposition", firstToken: epithet.first, lastToken: epithet.last };
  // "called Sweden a pariah", "branded them as thugs": a verb of labelling and its object before the phrase.
  let k = token.normal === "as" ? before - 1 : before;
  for (let reach = 0; reach < 4 && k >= sentenceStart && SUBJECT_POS.has(tokens[k].pos); reach++) k--;
  if (k < before && k >= sentenceStart && LABELLING.has(tokens[k].lemma || tokens[k].normal)) return { pattern: `label after "${tokens[k].text}"`, firstToken: epithet.first, lastToken: epithet.last };
  return null;
}

/**
 * A negation before the words that apply an epithet negates something else ("we will not talk to
 * this puppet regime"); one between a copula and its epithet negates the label ("is not an enemy").
 */
function withoutNegationBefore(analyzed: AnalyzedText, from: number): AnalyzedText {
  const tokens = analyzed.tokens.map((token, i) => (i < from && !SCALING_BEFORE.has(token.normal) ? { ...token, normal: "" } : token));
  return { ...analyzed, tokens };
}

/**
 * The insult rule's hits from epithets in the speaker's words (`quotes`) applied to someone;
 * each hit's evidence shows the words, the list entry and how it was applied.
 */
export function epithetHits(analyzed: AnalyzedText, quotes: Span[], modifiersOf: Modifiers): RuleHit[] {
  const { tokens } = analyzed;
  const hits: RuleHit[] = [];
  for (const quote of quotes) {
    const last = firstStartingAtOrAfter(tokens, quote.end) - 1;
    for (let at = firstStartingAtOrAfter(tokens, quote.start); at <= last; at++) {
      const epithet = epithetAt(tokens, at);
      if (!epithet || tokens[epithet.last].end > quote.end) continue;
      const applied = application(tokens, epithet, analyzed.sentences[sentenceHoldingToken(analyzed.sentences, at)]?.firstToken ?? 0);
      at = epithet.last;
      if (!applied) continue;
      const end = tokens[applied.lastToken];
      const text = analyzed.text.slice(tokens[epithet.first].start, end.end);
      const match: CueMatch = { cue: "epithet", firstToken: epithet.first, lastToken: applied.lastToken, start: tokens[epithet.first].start, end: end.end, text };
      const { value, applied: modifiers } = modifiersOf(withoutNegationBefore(analyzed, applied.firstToken), match);
      hits.push({ rule: EPITHET_RULE, value, evidence: `${text} (epithet "${epithet.entry}", ${applied.pattern})`, modifiers });
    }
  }
  return hits;
}
