import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import rulesData from "../data/rules.json";
import { memoized } from "../core/memo";

/** A token with the character offsets wink-nlp does not report directly. */
export interface Token {
  index: number;
  text: string;
  normal: string;
  /** The lemma of a verb ("said" → "say"); empty for other tokens, of which nothing asks it. */
  lemma: string;
  pos: string;
  start: number;
  end: number;
}

const BE = new Set(["be", "been", "being", "is", "are", "was", "were"]);

/** "was declared", "has been asked": a form of "be" before the verb's participle, adverbs aside. */
export function isPassive(tokens: Token[], verbIndex: number): boolean {
  if (tokens[verbIndex].normal.endsWith("ing")) return false;
  let k = verbIndex - 1;
  while (k >= 0 && tokens[k].pos === "ADV") k--;
  return k >= 0 && BE.has(tokens[k].normal);
}

export interface Sentence {
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
}

/** A match of one of the cue pattern lists in lib/data/rules.json. */
export interface CueMatch {
  cue: string;
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
  text: string;
}

export interface AnalyzedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  cues: CueMatch[];
}

type Nlp = ReturnType<typeof winkNLP>;

/** How many tokens on either side of a cue its blocking words are looked for. */
const BLOCKER_WINDOW = 3;

interface CueBlockers {
  before: Set<string>;
  after: Set<string>;
  /** The match counts only as the head of its clause: no verb between it and the clause's start. */
  clauseInitial: boolean;
}

/**
 * Words that, just before a cue ("notAfter") or just after it ("notBefore"), make it another sense;
 * and cues that count only where they open their clause ("clauseInitial").
 */
const CUE_BLOCKERS = new Map<string, CueBlockers>(
  Object.entries(rulesData.cues as Record<string, { notAfter?: string[]; notBefore?: string[]; clauseInitial?: boolean }>)
    .filter(([, cue]) => cue.notAfter?.length || cue.notBefore?.length || cue.clauseInitial)
    .map(([name, cue]) => [name, { before: new Set(cue.notAfter ?? []), after: new Set(cue.notBefore ?? []), clauseInitial: cue.clauseInitial === true }]),
);

/** Parts of speech that open a clause: punctuation (quote marks, commas, full stops) and "that", "while", "if". */
const CLAUSE_OPENERS = new Set(["PUNCT", "SCONJ"]);
const VERB_TAGS = new Set(["VERB", "AUX"]);
/**
 * Only what analyzeText reads: sentences, POS/lemmas and the cues. wink also runs named entities,
 * negation and sentiment by default, which nothing here reads (cues are learned with useEntity
 * false, and neither POS tagging nor cue matching looks at entities or negation flags); they cost
 * about a quarter of readDoc.
 */
const ANALYSIS_PIPE = ["sbd", "pos", "cer"];
/** Document sentiment is the mean of its sentences' scores, whose negated words count against them. */
const SENTIMENT_PIPE = ["sbd", "negation", "sentiment"];

/**
 * Lemmas of verbs by their text. wink's lemma of a token depends only on its text and tag, except
 * for a piece of a contraction, which carries its own; lemmatizing every token is most of the cost
 * of reading a text's columns, and news reuses a few hundred verbs.
 */
const verbLemmas = new Map<string, string>();
const VERB_LEMMAS_LIMIT = 20_000;

let instance: Nlp | null = null;
let sentimentInstance: Nlp | null = null;

/** The one wink-nlp instance for analysis, with every rule cue learned as a custom entity. */
export function nlp(): Nlp {
  if (instance) return instance;
  const created = winkNLP(model, ANALYSIS_PIPE);
  const cues = rulesData.cues as unknown as Record<string, { patterns: string[] }>;
  created.learnCustomEntities(
    Object.entries(cues).map(([name, cue]) => ({ name, patterns: cue.patterns })),
    { matchValue: false, usePOS: true, useEntity: false },
  );
  instance = created;
  return created;
}

const SUBJECT_TAGS = new Set(["NOUN", "PROPN", "PRON"]);

/**
 * "The ministry alleged that …": the tagger reads some past tenses as adjectives even between a
 * subject and a "that" clause, where only a verb can stand.
 */
function isVerbTaggedAdjective(tags: string[], normals: string[], index: number): boolean {
  return tags[index] === "ADJ" && normals[index].endsWith("ed") && normals[index + 1] === "that" && SUBJECT_TAGS.has(tags[index - 1]);
}

/** Reads a text once: tokens with offsets, sentences and cue matches. */
export function analyzeText(text: string): AnalyzedText {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  // Column-wise reads: one pass per attribute is several times cheaper than per-token out() calls.
  const all = doc.tokens();
  const values = all.out() as string[];
  const spaces = all.out(its.precedingSpaces as never) as unknown as string[];
  const normals = all.out(its.normal) as string[];
  const tags = all.out(its.pos) as string[];
  const contracted = all.out(its.contractionFlag as never) as unknown as boolean[];
  const verbLemma = (index: number): string => {
    let lemma = contracted[index] ? undefined : verbLemmas.get(values[index]);
    if (lemma === undefined) {
      lemma = all.itemAt(index).out(its.lemma as never) as unknown as string;
      if (!contracted[index]) {
        if (verbLemmas.size >= VERB_LEMMAS_LIMIT) verbLemmas.clear();
        verbLemmas.set(values[index], lemma);
      }
    }
    return lemma;
  };
  for (let index = 1; index + 1 < values.length; index++) {
    if (!isVerbTaggedAdjective(tags, normals, index)) continue;
    tags[index] = "VERB";
    // wink lemmatizes by the tag it gave: read the word again where it is tagged a verb.
    if (!contracted[index] && !verbLemmas.has(values[index])) {
      if (verbLemmas.size >= VERB_LEMMAS_LIMIT) verbLemmas.clear();
      const reread = engine.readDoc(`they ${values[index]}`).tokens().itemAt(1);
      verbLemmas.set(values[index], reread.out(its.pos) === "VERB" ? (reread.out(its.lemma as never) as unknown as string) : normals[index]);
    }
  }
  const tokens: Token[] = new Array(values.length);
  const blank: boolean[] = new Array(values.length);
  // A line break ends a sentence (headings, captions and paragraphs have no final stop of their own).
  const newlineBefore: boolean[] = new Array(values.length);
  let cursor = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    let start = cursor + (spaces[index] ?? "").length;
    // wink keeps the text lossless, but guard against drift (e.g. normalised characters).
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, cursor);
      if (found >= 0) start = found;
    }
    blank[index] = isBlank(value);
    newlineBefore[index] = hasNewline(text, cursor, start) || (blank[index] && value.includes("\n"));
    cursor = start + value.length;
    tokens[index] = {
      index,
      text: value,
      normal: normals[index],
      lemma: tags[index] === "VERB" ? verbLemma(index) : "",
      pos: tags[index],
      start,
      end: cursor,
    };
  }
  const sentences: Sentence[] = [];
  const pushSentence = (first: number, last: number) => {
    while (first <= last && blank[first]) first++;
    while (last >= first && blank[last]) last--;
    if (first <= last) sentences.push({ firstToken: first, lastToken: last, start: tokens[first].start, end: tokens[last].end });
  };
  // Whole columns again: iterating builds an item object per sentence or entity.
  for (const [firstToken, lastToken] of doc.sentences().out(its.span as never) as unknown as [number, number][]) {
    if (!tokens[firstToken] || !tokens[lastToken]) continue;
    let first = firstToken;
    for (let index = firstToken + 1; index <= lastToken; index++) {
      if (newlineBefore[index]) {
        pushSentence(first, index - 1);
        first = index;
      }
    }
    pushSentence(first, lastToken);
  }
  const cues: CueMatch[] = [];
  const entities = doc.customEntities();
  const entitySpans = entities.out(its.span) as unknown as [number, number][];
  const entityDetails = entities.out(its.detail) as unknown as { value: string; type: string }[];
  entitySpans.forEach(([firstToken, lastToken], index) => {
    const { value, type } = entityDetails[index];
    const blockers = CUE_BLOCKERS.get(type);
    if (blockers && isBlocked(tokens, firstToken, lastToken, blockers)) return;
    cues.push({ cue: type, firstToken, lastToken, start: tokens[firstToken].start, end: tokens[lastToken].end, text: value });
  });
  return { text, tokens, sentences, cues };
}

function isBlocked(tokens: Token[], firstToken: number, lastToken: number, blockers: CueBlockers): boolean {
  const before = tokens.slice(Math.max(0, firstToken - BLOCKER_WINDOW), firstToken);
  const after = tokens.slice(lastToken + 1, lastToken + 1 + BLOCKER_WINDOW);
  if (before.some((t) => blockers.before.has(t.normal)) || after.some((t) => blockers.after.has(t.normal))) return true;
  return blockers.clauseInitial && followsVerbInClause(tokens, firstToken);
}

/** A verb stands between the token and the start of its clause ("would damage the cooperation"). */
function followsVerbInClause(tokens: Token[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    if (CLAUSE_OPENERS.has(tokens[i].pos)) return false;
    if (VERB_TAGS.has(tokens[i].pos)) return true;
  }
  return false;
}

/** `value.trim() === ""`; nearly every token starts with a printable ASCII character, which settles it. */
function isBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return value.trim() === "";
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/**
 * wink-nlp's lexicon sentiment of a text, in [-1, 1]. Outlets quote the same words: a batch asks
 * for the sentiment of each quote several times.
 */
export const lexiconSentiment = memoized(computeLexiconSentiment);

function computeLexiconSentiment(text: string): number {
  if (!text.trim()) return 0;
  // Created after the analysis instance: wink cannot learn custom entities once a second instance of the model exists.
  nlp();
  sentimentInstance ??= winkNLP(model, SENTIMENT_PIPE);
  const engine = sentimentInstance;
  return engine.readDoc(text).out(engine.its.sentiment) as unknown as number;
}
