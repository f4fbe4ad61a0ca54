import type { Span } from "../features";
import { isPassive } from "../nlp";
import { SUBJECT_WITHIN } from "./occasions";
import { firstEndingAfter } from "./positions";
import type { QuoteSpan } from "./quotes";
import type { Reading } from "./reading";
import type { ExtractedStatement } from "./report";
import { titlePhraseBefore, type SpeechEvent } from "./speech-events";

/** Who said a quote, the verb of saying that introduces it, and the reporter's words around it. */
interface Attribution {
  actor: number;
  event: SpeechEvent | null;
  /** A continuing quote carries on from this report, and from its date. */
  inheritedDate: ExtractedStatement | null;
  frame: Span;
}

interface Attributed {
  actor: number;
  event: SpeechEvent | null;
  results: ExtractedStatement[];
}

/** The quotes attributed so far, with the reports made of them, in the order they were attributed. */
export class Attributions {
  private readonly byQuote = new Map<QuoteSpan, Attributed>();
  private readonly order: QuoteSpan[] = [];

  add(quote: QuoteSpan, attributed: Attributed): void {
    this.byQuote.set(quote, attributed);
    this.order.push(quote);
  }

  /** The last attributed quote that starts before `position`. */
  lastBefore(position: number): [QuoteSpan, Attributed] | undefined {
    for (let i = this.order.length - 1; i >= 0; i--) {
      const quote = this.order[i];
      if (quote.start < position) return [quote, this.byQuote.get(quote)!];
    }
    return undefined;
  }

  /** The speech events that introduce a quote (null for the quotes that continue one). */
  events(): Set<SpeechEvent | null> {
    return new Set([...this.byQuote.values()].map((attributed) => attributed.event));
  }
}

/** The speaker of a quote in prose, from its verb of saying or from the quote it continues; null when none is found. */
export function attribute(reading: Reading, quote: QuoteSpan, previous: Attributions): Attribution | null {
  const { article, events } = reading;
  const { sentences, tokens } = article.analyzed;
  const openSentenceIndex = article.sentenceOf(quote.start - 1);
  const closeSentenceIndex = article.sentenceOf(Math.max(quote.start, quote.end - 1));
  const openSentence = sentences[openSentenceIndex];
  const closeSentence = sentences[closeSentenceIndex] ?? openSentence;
  if (!openSentence) return null;
  // 1. A verb of saying before the quote in its sentence: "Moreau responded, “…”", "labeled Peru “very sick”".
  // A passive verb of saying names no one ("said the envoy was being recalled “indefinitely”"): the verb before it does.
  const saying = events.inSentence(openSentenceIndex).filter((e) => tokens[e.verb].start < quote.start && !(e.actor === null && isPassive(tokens, e.verb)));
  // "X said that Y's recent comments raised doubts whether the envoy “…”": a noun of saying inside
  // what a verb reports is talked about; the verb's speaker says the words.
  const reporting = saying.filter((e) => e.actor !== null && tokens[e.verb].pos === "VERB").at(-1);
  const last = saying.at(-1);
  const before = last && reporting && tokens[last.verb].pos !== "VERB" ? reporting : last;
  if (before && before.actor !== null) {
    return { actor: before.actor, event: before, inheritedDate: null, frame: { start: openSentence.start, end: quote.end } };
  }
  // 1b. A speaker's label: "President Ana Ruiz: “…”", as transcripts and posts print it.
  const label = speakerLabelBefore(reading, quote);
  if (label !== null) return { actor: label, event: null, inheritedDate: null, frame: { start: openSentence.start, end: quote.end } };
  // 1c. "For the ambassador, “…”": the one the words are for in the reporter's view says them.
  const holder = viewHolderBefore(reading, quote, openSentenceIndex);
  if (holder !== null) return { actor: holder, event: null, inheritedDate: null, frame: { start: openSentence.start, end: quote.end } };
  // 1d. A colon hands the sentence over to the quote, and its subject says it: "The defence
  //     minister issued a stern warning on Monday: “…”".
  const subject = colonLeadSubject(reading, quote, openSentenceIndex);
  if (subject !== null) return { actor: subject, event: null, inheritedDate: null, frame: { start: openSentence.start, end: quote.end } };
  // 2. Attribution after the closing mark: "“…,” Moreau said", "“…,” said the minister".
  const closing = quote.end;
  const attributionSentence = attributionContinues(reading, quote, closeSentenceIndex) ? closeSentenceIndex + 1 : closeSentenceIndex;
  const after = events.inSentence(attributionSentence).find((e) => {
    if (e.actor === null) return false;
    const verbStart = tokens[e.verb].start;
    if (verbStart < closing) return false;
    const between = article.text.slice(closing, verbStart);
    return between.length < 60 && !/["“”]/.test(between.slice(1));
  });
  if (after && after.actor !== null) {
    return { actor: after.actor, event: after, inheritedDate: null, frame: { start: openSentence.start, end: sentences[attributionSentence].end } };
  }
  // 3. A continuing quote: same speaker as the previous quote of the paragraph, or of a paragraph
  //    that ended in a colon or a quote just before this one.
  const paragraph = article.paragraphOf(quote.start);
  const earlier = previous.lastBefore(quote.start);
  const startsParagraph = article.opensParagraph(quote);
  if (earlier) {
    const [earlierQuote, info] = earlier;
    const earlierParagraph = article.paragraphOf(earlierQuote.start);
    if (earlierParagraph === paragraph || (startsParagraph && earlierParagraph === article.previousProse(paragraph))) {
      return {
        actor: info.actor,
        event: null,
        inheritedDate: info.results.at(-1) ?? null,
        frame: { start: openSentence.start, end: closeSentence.end },
      };
    }
  }
  // 3b. A quote opening its sentence right after one in which someone speaks without quoting:
  //     "Ruiz spoke at the UN against the ban. “It is alarming …”".
  const sentenceBefore = sentences[openSentenceIndex - 1];
  // Not when its own sentence names another who says it ("“…,” a protester shouted").
  const saidAfter = events.inSentence(attributionSentence).some((e) => tokens[e.verb].start >= closing);
  const opensSentence = quote.start - 1 <= openSentence.start + 1 && !saidAfter;
  if (opensSentence && sentenceBefore && article.paragraphOf(sentenceBefore.start) === paragraph && !article.quoteOverlaps(sentenceBefore.start, sentenceBefore.end)) {
    const speakers = events.inSentence(openSentenceIndex - 1).filter((e) => e.actor !== null);
    if (speakers.length > 0 && speakers.every((e) => e.actor === speakers[0].actor)) {
      return { actor: speakers[0].actor!, event: speakers[0], inheritedDate: null, frame: { start: sentenceBefore.start, end: closeSentence.end } };
    }
  }
  const previousParagraph = article.previousProse(paragraph);
  if (startsParagraph && previousParagraph >= 0) {
    const lead = article.paragraphs[previousParagraph];
    if (/:\s*$/.test(article.text.slice(lead.start, lead.end))) {
      const event = events.inParagraph(previousParagraph).filter((e) => e.actor !== null).at(-1);
      if (event && event.actor !== null) {
        const leadSentence = sentences[event.sentence];
        return { actor: event.actor, event, inheritedDate: null, frame: { start: leadSentence.start, end: closeSentence.end } };
      }
    }
  }
  // 4. A broadcast transcript's cue line right above: "[Sound bite: President Ana Ruiz (Spanish)]".
  const cue = startsParagraph ? soundBiteCue(reading, paragraph) : null;
  if (cue !== null) return { actor: cue, event: null, inheritedDate: null, frame: { start: openSentence.start, end: closeSentence.end } };
  return null;
}

const CUE_LINE = /^\[[^\]:]{2,30}:[^\]]+\]$/;
/** A transcript's bracketed cue opening the speaker's line: "[Soundbite] Ana Ruiz: “…”". */
const CUE_PREFIX = /^\s*\[[^\]]{1,30}\]\s*/;

/** The speaker named in a bracketed cue line ("[Sound bite: …]") that stands right above the paragraph. */
function soundBiteCue(reading: Reading, paragraph: number): number | null {
  const { article, actors } = reading;
  const above = article.paragraphs[paragraph - 1];
  if (!above || !CUE_LINE.test(article.text.slice(above.start, above.end).trim())) return null;
  const named = actors.mentions.find((m) => m.start >= above.start && m.end <= above.end && m.via !== "pronoun");
  return named ? named.actor : null;
}

/**
 * After a quote ending in "?" or "!" the sentence splitter starts a new sentence right after the
 * closing mark, so its attribution is in the next sentence: "the minister said" — or "Moreau said",
 * which only a question or exclamation leaves capitalised there (a statement ends in a comma).
 */
function attributionContinues(reading: Reading, quote: QuoteSpan, closeSentenceIndex: number): boolean {
  const { text, analyzed } = reading.article;
  const next = analyzed.sentences[closeSentenceIndex + 1];
  if (!next || next.start > quote.end + 3) return false;
  const lowercase = /^["”’]?\s*\p{Ll}/u.test(text.slice(quote.end, quote.end + 4));
  return lowercase || /[?!]\s*$/.test(text.slice(quote.start, quote.end));
}

/** Characters before a quotation's mark that a speaker's label or a colon lead-in is looked for in. */
const LABEL_REACH = 200;

/** "For X, “…”" opening the sentence: X, named or by pronoun, right before the comma and the mark. */
function viewHolderBefore(reading: Reading, quote: QuoteSpan, sentenceIndex: number): number | null {
  const { article, mentions } = reading;
  const tokens = article.analyzed.tokens;
  const sentence = article.analyzed.sentences[sentenceIndex];
  if (tokens[sentence.firstToken]?.normal !== "for") return null;
  // The token before the opening mark's.
  const comma = firstEndingAfter(tokens, quote.start - 1) - 1;
  if (tokens[comma]?.text !== "," || !/^,\s*$/.test(article.text.slice(tokens[comma].start, quote.start - 1))) return null;
  const holder = mentions.endingAt(comma - 1);
  return holder && holder.firstToken - sentence.firstToken <= 2 ? holder.actor : null;
}

/** The named subject (not a pronoun, not an oblique mention) opening a sentence that ends in a colon right before the quote. */
function colonLeadSubject(reading: Reading, quote: QuoteSpan, sentenceIndex: number): number | null {
  const { article, mentions } = reading;
  const sentence = article.analyzed.sentences[sentenceIndex];
  if (!/:\s*$/.test(article.text.slice(Math.max(sentence.start, quote.start - 1 - LABEL_REACH), quote.start - 1))) return null;
  const subject = mentions.inSentence(sentenceIndex)[0];
  if (!subject || subject.oblique || subject.via === "pronoun" || subject.start >= quote.start) return null;
  return subject.firstToken - sentence.firstToken <= SUBJECT_WITHIN || isNamedAfterOpeningTitle(reading, subject.firstToken, sentence.firstToken) ? subject.actor : null;
}

/** The name at `first` follows a title phrase that opens the sentence, after any dateline: "The Spanish Defence Minister, Ana Ruiz, …". */
function isNamedAfterOpeningTitle(reading: Reading, first: number, sentenceStart: number): boolean {
  const { tokens } = reading.article.analyzed;
  const start = titlePhraseBefore(reading.article.text, tokens, first, sentenceStart);
  return start !== null && (start === sentenceStart || /^[–—-]$/.test(tokens[start - 1].text));
}

/** The actor named right before "<name>:" and the opening mark, alone at the start of a paragraph. */
function speakerLabelBefore(reading: Reading, quote: QuoteSpan): number | null {
  const { article, mentions } = reading;
  const paragraph = article.paragraphs[article.paragraphOf(quote.start)];
  // Only the label's reach before the mark is read: a paragraph can be a whole file long.
  const from = Math.max(paragraph.start, quote.start - 1 - LABEL_REACH);
  const before = article.text.slice(from, quote.start - 1);
  // The name may carry its office in brackets: "Ana Ruiz (Peruvian ambassador): “…”".
  const colon = /\s*(?:\([^()]{1,80}\))?\s*:\s*$/.exec(before);
  if (!colon) return null;
  const tokens = article.analyzed.tokens;
  const afterName = firstEndingAfter(tokens, from + colon.index);
  const mention = mentions.endingAt(afterName - 1);
  if (!mention || mention.via === "pronoun") return null;
  // Nothing but the name (and its title, or a bracketed cue like "[Sound bite]") before it: a
  // label, not a sentence introducing the quote.
  const lead = article.text.slice(paragraph.start, tokens[mention.firstToken].start).replace(CUE_PREFIX, "");
  return /^[\p{Lu}\p{L}.\s'’-]{0,60}$/u.test(lead) && !/\b(?:said|says|told|added|wrote)\b/i.test(lead) ? mention.actor : null;
}
