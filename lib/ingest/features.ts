import modifiers from "../data/modifiers.json";
import { firstIndexWhere, sentenceHoldingToken } from "./extract/positions";
import { findQuotes } from "./extract/quotes";
import { cameoVerbHits } from "./cameo-verbs";
import { epithetHits } from "./epithets";
import { analyzeText, lexiconSentiment, type AnalyzedText, type CueMatch } from "./nlp";
import { vaderSentiment } from "./vader";
import type { Features, RuleHit } from "../core/types";
import { IDIOMATIC_NEGATION, RULES, cuesOf, type RuleRequirement } from "../core/rules";

/** Character range in the analyzed text. */
export interface Span {
  start: number;
  end: number;
}

const HEDGES = new Set(modifiers.hedge.words);
const CONDITIONALS = new Set(modifiers.conditional.words);
const CONDITIONAL_TAILS = modifiers.conditional.after;
const NEGATION_TAILS = modifiers.negation.after;
const QUOTE_MARKS = new Set(['"', "“", "”", "'", "‘", "’", "«", "»"]);
const NEGATORS = new Set(["not", "n't", "never", "no", "nor", "neither", "nobody", "nothing"]);
const CLAUSE_PUNCTUATION = new Set([",", ";", ":", "—", "–", ".", "(", ")"]);

const inside = (match: CueMatch, spans: Span[]) =>
  spans.some((span) => match.start >= span.start && match.end <= span.end);

function inScope(match: CueMatch, requirement: RuleRequirement, quotes: Span[], frame: Span[]): boolean {
  if (requirement.in === "quote") return inside(match, quotes);
  // A bare sentence is its own frame: the quote and frame spans then coincide.
  if (requirement.in === "frame") return inside(match, frame) && (!inside(match, quotes) || inside(match, frame.filter((f) => quotes.some((q) => q.start === f.start && q.end === f.end))));
  return inside(match, quotes) || inside(match, frame);
}

function sentenceBounds(analyzed: AnalyzedText, tokenIndex: number): [number, number] {
  const sentence = analyzed.sentences[sentenceHoldingToken(analyzed.sentences, tokenIndex)];
  return sentence ? [sentence.firstToken, sentence.lastToken] : [0, analyzed.tokens.length - 1];
}

/** Negation, hedging and conditionals around a cue match, VADER-style. */
export function modifiersFor(analyzed: AnalyzedText, match: CueMatch): { value: number; applied: string[] } {
  const { tokens } = analyzed;
  const [sentenceStart, sentenceEnd] = sentenceBounds(analyzed, match.firstToken);
  const windowStart = Math.max(sentenceStart, match.firstToken - modifiers.window);
  const before = tokens.slice(windowStart, match.firstToken);
  const within = tokens.slice(match.firstToken, match.lastToken + 1);
  const applied: string[] = [];
  let value = 1;
  // A negator counts within the clause just before the match ("will not … attack"), not across
  // punctuation, and not "without" ("accused him without evidence of …").
  let clauseStart = before.length;
  while (clauseStart > 0 && !CLAUSE_PUNCTUATION.has(before[clauseStart - 1].text)) clauseStart--;
  const innerNegators = !IDIOMATIC_NEGATION.has(match.cue) && within.some((t) => NEGATORS.has(t.normal));
  // A negation may follow in the same clause: "talks with Moscow were now 'off the table'".
  const clauseAfter: string[] = [];
  for (let i = match.lastToken + 1; i <= sentenceEnd && clauseAfter.length < modifiers.window; i++) {
    if (CLAUSE_PUNCTUATION.has(tokens[i].text)) break;
    if (!QUOTE_MARKS.has(tokens[i].text)) clauseAfter.push(tokens[i].normal);
  }
  const negatedAfter = NEGATION_TAILS.some((tail) => ` ${clauseAfter.join(" ")} `.includes(` ${tail} `));
  const negated = innerNegators || negatedAfter || before.slice(clauseStart).some((t) => NEGATORS.has(t.normal));
  if (negated) {
    value *= modifiers.negation.factor;
    applied.push("negated");
  }
  if (before.some((t) => HEDGES.has(t.normal))) {
    value *= modifiers.hedge.factor;
    applied.push("hedged");
  }
  const clauseBefore = tokens.slice(sentenceStart, match.firstToken);
  const after = tokens
    .slice(match.lastToken + 1, Math.min(sentenceEnd + 1, match.lastToken + 1 + modifiers.window))
    .map((t) => t.normal)
    .join(" ");
  if (clauseBefore.some((t) => CONDITIONALS.has(t.normal)) || CONDITIONAL_TAILS.some((tail) => after.includes(tail))) {
    value *= modifiers.conditional.factor;
    applied.push("conditional");
  }
  return { value, applied };
}

const EVERY_RULE_REQUIRES_A_CUE = RULES.every((rule) => rule.requires.length > 0);

/**
 * Rule hits for one statement: `quotes` are the speaker's words, `frame` the reporter's
 * words around them (the question asked, the verb of saying).
 */
export function ruleHits(analyzed: AnalyzedText, quotes: Span[], frame: Span[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const nearby = cuesStartingWithin(analyzed, [...quotes, ...frame]);
  // Most statements have no cue near them, and then no rule that requires one can fire.
  if (nearby.length === 0 && EVERY_RULE_REQUIRES_A_CUE) return hits;
  for (const rule of RULES) {
    // A rule needs every requirement met: stop at the first that no cue meets.
    const found: CueMatch[][] = [];
    for (const requirement of rule.requires) {
      const cues = cueSetOf(requirement);
      const matches = nearby.filter((match) => cues.has(match.cue) && inScope(match, requirement, quotes, frame));
      if (matches.length === 0) break;
      found.push(matches);
    }
    if (found.length < rule.requires.length) continue;
    // The first requirement carries the rule's meaning; its strongest match sets the value.
    const scored = found[0].map((match) => ({ match, ...modifiersFor(analyzed, match) }));
    scored.sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    const primary = scored[0];
    const evidence = [primary.match.text, ...found.slice(1).map((matches) => matches[0].text)].join(" + ");
    hits.push({ rule: rule.id, value: primary.value, evidence, modifiers: primary.applied });
  }
  return hits;
}

/** Cue indices ordered by start (ties in cue order), for picking an article's cues near one statement. */
const cuesByStart = new WeakMap<AnalyzedText, number[]>();

/**
 * The cues that start within the spans' reach, in the article's cue order. A cue in scope lies
 * inside one of the spans, so none starting outside [first start, last end] can be.
 */
function cuesStartingWithin(analyzed: AnalyzedText, spans: Span[]): CueMatch[] {
  if (spans.length === 0) return [];
  const from = Math.min(...spans.map((s) => s.start));
  const to = Math.max(...spans.map((s) => s.end));
  let order = cuesByStart.get(analyzed);
  if (!order) {
    order = analyzed.cues.map((_, i) => i).sort((a, b) => analyzed.cues[a].start - analyzed.cues[b].start || a - b);
    cuesByStart.set(analyzed, order);
  }
  const byStart = order;
  const picked: number[] = [];
  for (let k = firstIndexWhere(byStart.length, (i) => analyzed.cues[byStart[i]].start >= from); k < byStart.length; k++) {
    if (analyzed.cues[byStart[k]].start > to) break;
    picked.push(byStart[k]);
  }
  return picked.sort((a, b) => a - b).map((i) => analyzed.cues[i]);
}

/** Every statement of an article checks every rule against the article's cues. */
const cueSets = new WeakMap<RuleRequirement, Set<string>>();

function cueSetOf(requirement: RuleRequirement): Set<string> {
  let cues = cueSets.get(requirement);
  if (!cues) {
    cues = new Set(cuesOf(requirement));
    cueSets.set(requirement, cues);
  }
  return cues;
}

/** The rules' hits, epithets applied to someone, and, on words no rule counts, the CAMEO verb dictionary's in the speaker's words. */
function statementHits(analyzed: AnalyzedText, quotes: Span[], frame: Span[]): RuleHit[] {
  const hits = ruleHits(analyzed, quotes, frame);
  return [...hits, ...epithetHits(analyzed, quotes, modifiersFor), ...cameoVerbHits(analyzed, quotes, hits, modifiersFor)];
}

/** What a report's features are worked out from: the speaker's words and the reporter's frame around them. */
export interface ReportEvidence {
  analyzed: AnalyzedText;
  words: Span;
  frame: Span[];
}

/**
 * wink's sentiment of a text is the mean of its sentences', a sentence without a sentiment word
 * counting as 0, and a mild word scores low: a clear word in a quote of a few sentences lands near
 * zero. Raising the magnitude to a power below one lifts weak but clear sentiment towards the
 * strong end while keeping sign, order and the ends of the −1…+1 range.
 */
const SENTIMENT_SPREAD = 0.6;

/**
 * Kept to thousandths, as finely as the score's hundredths of a point need at weights up to ten:
 * statements share a scoring row per distinct value, and stores compare values written out in
 * fewer digits than a double's.
 */
const LEXICON_STEPS = 1000;

function spread(sentiment: number): number {
  return Math.sign(sentiment) * Math.abs(sentiment) ** SENTIMENT_SPREAD;
}

/**
 * The lexicon feature of a text: the more hostile of wink-nlp's and VADER's sentiment, each spread
 * (see SENTIMENT_SPREAD), in [-1, 1]. Officials wrap hostility in courteous words, so a positive
 * reading is cheap evidence while a hostile word either lexicon knows is rarely an accident; and
 * the two lexicons fail apart (wink turns a negated threat into praise, VADER misses words wink
 * knows), so the more hostile reading is the one less often fooled.
 */
export function lexiconFeature(text: string): number {
  const value = Math.min(spread(lexiconSentiment(text)), spread(vaderSentiment(text)));
  // "+ 0" makes −0 a plain 0: one value, one scoring row.
  return Math.round(value * LEXICON_STEPS) / LEXICON_STEPS + 0;
}

/** Features of one report (`text`, the words of `evidence`): their sentiment, and the rules they and the frame fire. */
export function reportFeatures(text: string, evidence: ReportEvidence): Features {
  return { lexicon: lexiconFeature(text), hits: statementHits(evidence.analyzed, [evidence.words], evidence.frame) };
}

/**
 * Features of a bare sentence (the `score` command): quoted words are the speaker's,
 * the rest is frame; without quotation marks the whole sentence is both.
 */
export function featuresOfSentence(text: string): Features {
  const analyzed = analyzeText(text);
  const quotes: Span[] = findQuotes(text);
  const whole: Span = { start: 0, end: text.length };
  const quoteSpans = quotes.length ? quotes : [whole];
  const quoted = quotes.length ? quotes.map((q) => text.slice(q.start, q.end)).join(" ") : text;
  return { lexicon: lexiconFeature(quoted), hits: statementHits(analyzed, quoteSpans, [whole]) };
}
