import speech from "../../data/speech.json";
import { findDateMentions, type DateExpr, type DateMention } from "../dates";
import { collapse } from "../input";
import { analyzeText, lexiconSentiment, type AnalyzedText, type Sentence, type Token } from "../nlp";
import { ruleHits, type Span } from "../features";
import type { Features } from "../../core/types";
import { findActors, type Actor, type ActorMention, type ArticleActors } from "./actors";
import {
  appendTo,
  firstEndingAfter,
  firstEndingAtOrAfter,
  firstIndexWhere,
  firstStartingAtOrAfter,
  firstByKey,
  groupBy,
  sentenceHoldingToken,
} from "./positions";
import { findQuotes, insideAny, type QuoteSpan } from "./quotes";

const SPEECH_VERBS = new Set(speech.verbs);
const SPEECH_NOUNS = new Set(speech.nouns);
const INVERTED_VERBS = new Set(speech.invertedVerbs);
const SKIPPABLE_BEFORE_VERB = new Set(["ADV", "AUX", "PART"]);
const REPORTING_VERBS = new Set(speech.reportingVerbs);
const ACT_VERBS = new Set(speech.actVerbs);
const INFINITIVE_VERBS = new Set(speech.infinitiveVerbs);
const CLAUSE_BREAKS = new Set(speech.clauseBreaks);
const AUDIENCE = new Set(["reporters", "journalists", "crowd", "audience", "supporters", "lawmakers", "parliament", "him", "her", "them", "us", "me", "the", "a", "his", "their", "cnn", "television", "radio"]);
const MEDIA = new Set(["statement", "interview", "briefing", "conference", "post", "video", "speech", "broadcast", "television", "radio", "newspaper", "agency"]);
const MIN_REPORTED_WORDS = 4;

/** One report of an utterance, as found in one article, before dates are resolved. */
export interface ExtractedStatement {
  text: string;
  speaker: string;
  speakerKind: Actor["kind"];
  speakerCountry: string | null;
  /** Titles the article gives the speaker, for naming an unnamed office-holder from the rest of the batch. */
  speakerTitles: string[];
  speakerHead: boolean;
  /** Has a title or country here; people without either (analysts, residents) are dropped unless the batch knows them. */
  speakerOfficial: boolean;
  target: string | null;
  /** The date expression this article ties to the utterance, unresolved (the article date may be inferred later). */
  dateExpr: DateExpr | null;
  dateText: string | null;
  context: string;
  features: Features;
  /** Position in the article, for stable ordering. */
  offset: number;
}

interface SpeechEvent {
  verb: number;
  actor: number | null;
  sentence: number;
  paragraph: number;
  dates: DateMention[];
}

interface Paragraph {
  start: number;
  end: number;
  /** Captions, headings and repeated lines carry no statements and no dates for them. */
  prose: boolean;
}

const TERMINAL = /[.!?"”’)\]:]$/;

function layoutParagraphs(paragraphs: string[]): { text: string; layout: Paragraph[] } {
  const seen = new Map<string, number>();
  for (const p of paragraphs) seen.set(p, (seen.get(p) ?? 0) + 1);
  const layout: Paragraph[] = [];
  // Joined at the end, not built by `+=`: that makes a rope, which V8 flattens on first read but
  // keeps behind an indirection that slows every later charCodeAt of the many scans of the text.
  const parts: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (length > 0) {
      parts.push("\n\n");
      length += 2;
    }
    const start = length;
    parts.push(p);
    length += p.length;
    const caption = (seen.get(p) ?? 0) > 1 || /\([^()]*\|[^()]*\)\s*$/.test(p);
    const heading = !TERMINAL.test(p.trim()) && p.length < 140;
    layout.push({ start, end: length, prose: !caption && !heading });
  }
  return { text: parts.join(""), layout };
}

/** "Washington, Jan 8,2026: …", "Bogotá, January 9, 2026 – …": near a paragraph's start, before a dash or colon. */
function isDateline(mention: DateMention, text: string): boolean {
  const paragraphStart = text.lastIndexOf("\n", mention.start) + 1;
  const place = text.slice(paragraphStart, mention.start);
  const placeLike = !/(^|\s)\p{Ll}/u.test(place); // "NEW DELHI, ", "Washington/Bogotá, " — no lower-case words
  return placeLike && mention.start - paragraphStart < 100 && /^\s*(?:\([^)]{1,30}\)\s*|[./]*\s*\/?[A-Z]{2,}\/?\.?\s*)?[–—:|-]/.test(text.slice(mention.end));
}

export function extractStatements(paragraphs: string[]): ExtractedStatement[] {
  const { text, layout } = layoutParagraphs(paragraphs);
  if (!text.trim()) return [];
  const analyzed = analyzeText(text);
  const quotes = findQuotes(text);
  const found = findActors(analyzed, quotes, SPEECH_VERBS);
  // Only prose dates tie statements to days: a dateline is the article's own date, a caption's is the photo's.
  const inProse = (position: number) => {
    // Paragraphs follow each other without overlapping: only the first not ending by `position` can hold it.
    const paragraph = layout[firstEndingAfter(layout, position)];
    return paragraph !== undefined && paragraph.prose && position >= paragraph.start;
  };
  const dates = findDateMentions(text).filter(
    (d) => !insideAny(d.start, quotes) && inProse(d.start) && !isDateline(d, text),
  );
  return new ArticleReader(analyzed, layout, quotes, found, dates).read();
}

class ArticleReader {
  private readonly events: SpeechEvent[] = [];
  /** Speech events of each sentence and of each paragraph, in the order they were found. */
  private readonly eventsBySentence = new Map<number, SpeechEvent[]>();
  private readonly eventsByParagraph = new Map<number, SpeechEvent[]>();
  private readonly dyad: string[];
  /** Asked once per token and verb: the mention `.find` would pick for a last or first token. */
  private readonly mentionByLastToken: Map<number, ActorMention>;
  private readonly mentionIndexByFirstToken: Map<number, number>;
  /** Mentions by the sentence holding their first token, in text order. */
  private readonly mentionsBySentence: Map<number, ActorMention[]>;

  constructor(
    private readonly analyzed: AnalyzedText,
    private readonly layout: Paragraph[],
    private readonly quotes: QuoteSpan[],
    private readonly found: ArticleActors,
    private readonly dates: DateMention[],
  ) {
    this.dyad = this.mainCountries();
    this.mentionByLastToken = firstByKey(found.mentions, (m) => m.lastToken);
    this.mentionIndexByFirstToken = firstByKey(found.mentions.keys(), (i) => found.mentions[i].firstToken);
    this.mentionsBySentence = groupBy(found.mentions, (m) => sentenceHoldingToken(analyzed.sentences, m.firstToken));
    this.collectSpeechEvents();
  }

  private get text() {
    return this.analyzed.text;
  }

  // Paragraphs and sentences come in text order without overlapping, so their starts and ends never
  // decrease: the first one not ending before a position is the only one that can hold it.

  private paragraphOf(position: number): number {
    const index = firstEndingAtOrAfter(this.layout, position);
    return index < this.layout.length && this.layout[index].start <= position ? index : -1;
  }

  /** The sentence holding `position`, else the first one after it. */
  private sentenceOf(position: number): number {
    const index = firstEndingAfter(this.analyzed.sentences, position);
    return index < this.analyzed.sentences.length ? index : -1;
  }

  private sentenceHolding(position: number): number {
    const index = this.sentenceOf(position);
    return index >= 0 && this.analyzed.sentences[index].start <= position ? index : -1;
  }

  private eventsInSentence(sentence: number): SpeechEvent[] {
    return this.eventsBySentence.get(sentence) ?? [];
  }

  private eventsInParagraph(paragraph: number): SpeechEvent[] {
    return this.eventsByParagraph.get(paragraph) ?? [];
  }

  private addEvent(event: SpeechEvent): void {
    this.events.push(event);
    appendTo(this.eventsBySentence, event.sentence, event);
    appendTo(this.eventsByParagraph, event.paragraph, event);
  }

  private isSpeechVerb(token: Token | undefined): boolean {
    return Boolean(token && token.pos === "VERB" && SPEECH_VERBS.has(token.lemma) && !insideAny(token.start, this.quotes));
  }

  /** The two countries the article is about: most mentioned, counting people by their country. */
  private mainCountries(): string[] {
    const counts = new Map<string, number>();
    const bump = (country: string | null) => country && counts.set(country, (counts.get(country) ?? 0) + 1);
    for (const mention of this.found.countries) bump(mention.country);
    for (const mention of [...this.found.mentions, ...this.found.quotedMentions]) bump(this.found.actors[mention.actor].country);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([country]) => country);
  }

  private mentionEndingAt(tokenIndex: number): ActorMention | undefined {
    return this.mentionByLastToken.get(tokenIndex);
  }

  /** The first mention, in text order, whose first token is one of the two after `tokenIndex`. */
  private mentionStartingJustAfter(tokenIndex: number): ActorMention | undefined {
    const next = this.mentionIndexByFirstToken.get(tokenIndex + 1) ?? Infinity;
    const second = this.mentionIndexByFirstToken.get(tokenIndex + 2) ?? Infinity;
    const first = Math.min(next, second);
    return first === Infinity ? undefined : this.found.mentions[first];
  }

  /** Who does the saying: the mention right before the verb, an inverted "said X", or the clause's subject. */
  private subjectOf(verbIndex: number, sentence: Sentence): number | null {
    const tokens = this.analyzed.tokens;
    let j = verbIndex - 1;
    while (j >= sentence.firstToken && verbIndex - j <= 4 && SKIPPABLE_BEFORE_VERB.has(tokens[j].pos)) j--;
    const adjacent = j >= sentence.firstToken ? this.mentionEndingAt(j) : undefined;
    if (adjacent) return adjacent.actor;
    const verb = tokens[verbIndex];
    // "“…,” said the minister." — only right after a quote or comma, with the speaker closing the clause.
    const introducedByQuote = /^[,”"’]$/.test(tokens[verbIndex - 1]?.text ?? "");
    if (INVERTED_VERBS.has(verb.normal) && introducedByQuote) {
      const after = this.mentionStartingJustAfter(verbIndex);
      const closes = after && /^[.,;:!?]?$/.test(tokens[after.lastToken + 1]?.text ?? "");
      if (after && closes && !after.oblique) return after.actor;
    }
    const coordinated = j >= sentence.firstToken && (tokens[j].normal === "and" || tokens[j].text === ",");
    if (coordinated) {
      const earlier = this.eventsInSentence(this.sentenceOf(verb.start)).filter((e) => e.verb < verbIndex).at(-1);
      if (earlier && earlier.actor !== null) return earlier.actor;
    }
    // "Jang, a vice-department director of the party's committee, said": the name before the appositive.
    if (j >= sentence.firstToken && tokens[j].text === ",") {
      for (let k = j - 1; k > sentence.firstToken && j - k < 25; k--) {
        if (tokens[k].text !== ",") continue;
        const named = this.mentionEndingAt(k - 1);
        if (named && this.found.actors[named.actor].kind === "person") return named.actor;
        break;
      }
    }
    // A mention ending before the verb starts in the verb's sentence.
    const inSentence = this.mentionsBySentence.get(sentenceHoldingToken(this.analyzed.sentences, sentence.firstToken)) ?? [];
    const candidates = inSentence.filter(
      (m) => m.firstToken >= sentence.firstToken && m.lastToken < verbIndex && !m.oblique && !this.found.actors[m.actor].metonym,
    );
    if (candidates.length === 0) return null;
    // A participle ("…, saying") or a verb after a subordinate clause takes the sentence's subject.
    return (verb.text.endsWith("ing") || coordinated ? candidates[0] : candidates[candidates.length - 1]).actor;
  }

  private collectSpeechEvents(): void {
    const tokens = this.analyzed.tokens;
    const datesBySentence = groupBy(this.dates, (d) => this.sentenceHolding(d.start));
    this.analyzed.sentences.forEach((sentence, sentenceIndex) => {
      const paragraph = this.paragraphOf(sentence.start);
      if (paragraph < 0 || !this.layout[paragraph].prose) return;
      const verbs: SpeechEvent[] = [];
      for (let i = sentence.firstToken; i <= sentence.lastToken; i++) {
        const token = tokens[i];
        if (this.isSpeechVerb(token)) {
          const event = { verb: i, actor: null as number | null, sentence: sentenceIndex, paragraph, dates: [] as DateMention[] };
          this.addEvent(event);
          event.actor = this.subjectOf(i, sentence);
          verbs.push(event);
        } else if (SPEECH_NOUNS.has(token.normal) && !insideAny(token.start, this.quotes)) {
          // "Moreau's response was blunt:" — the possessor speaks.
          const owner = this.mentionEndingAt(i - 1) ?? this.found.mentions.find((m) => m.lastToken === i - 2 && /^[’']s$/.test(tokens[i - 1].text));
          const possessive = owner && /[’']s$/.test(this.text.slice(owner.start, tokens[i].start).trim());
          if (owner && possessive) {
            const event = { verb: i, actor: owner.actor, sentence: sentenceIndex, paragraph, dates: [] as DateMention[] };
            this.addEvent(event);
            verbs.push(event);
          }
        }
      }
      // Each date phrase belongs to the nearest verb of saying in its sentence.
      for (const mention of datesBySentence.get(sentenceIndex) ?? []) {
        if (verbs.length === 0) continue;
        const at = tokenEndingAfter(tokens, mention.start);
        const nearest = [...verbs].sort((a, b) => Math.abs(a.verb - at) - Math.abs(b.verb - at) || a.verb - b.verb)[0];
        nearest.dates.push(mention);
      }
    });
  }

  read(): ExtractedStatement[] {
    const results: ExtractedStatement[] = [];
    const byQuote: Attributions = { info: new Map(), order: [] };
    for (const quote of this.quotes) {
      const paragraph = this.paragraphOf(quote.start);
      if (paragraph < 0 || !this.layout[paragraph].prose) continue;
      const attribution = this.attribute(quote, byQuote);
      if (!attribution) continue;
      const actor = this.found.actors[attribution.actor];
      const produced = this.statementsFor(quote, actor, attribution.event, attribution.inheritedDate, attribution.frame);
      byQuote.info.set(quote, { actor: attribution.actor, event: attribution.event, results: produced });
      byQuote.order.push(quote);
      results.push(...produced);
    }
    const quoting = new Set([...byQuote.info.values()].map((info) => info.event));
    results.push(...this.reportedSpeech(quoting));
    return results.sort((a, b) => a.offset - b.offset);
  }

  /** Reported speech without quotation marks: "Oliveira said she had spoken with…", "Mehta vowed to retaliate". */
  private reportedSpeech(quoting: Set<SpeechEvent | null>): ExtractedStatement[] {
    const tokens = this.analyzed.tokens;
    const results: ExtractedStatement[] = [];
    for (const event of this.events) {
      if (quoting.has(event) || event.actor === null) continue;
      const actor = this.found.actors[event.actor];
      const verb = tokens[event.verb];
      if (verb.pos !== "VERB") continue;
      const sentence = this.analyzed.sentences[event.sentence];
      if (this.quoteOverlaps(verb.start, sentence.end)) continue; // the quote is the statement
      let piece: Span | null = this.leadingReport(event, sentence);
      if (!piece) {
        const start = this.complementStart(event, sentence);
        if (start === null) continue;
        const end = this.clauseEnd(start, sentence);
        if (end - start + 1 < MIN_REPORTED_WORDS) continue;
        const includeVerb = ACT_VERBS.has(verb.lemma) && start === this.afterAdverbs(event.verb + 1, sentence);
        piece = { start: includeVerb ? verb.start : tokens[start].start, end: tokens[end].end };
      }
      const frame = this.gapsBetweenQuotes({ start: sentence.start, end: piece.start });
      // A day named inside the reported words ("called for protests on Wednesday") is not when they were said.
      const own = { ...event, dates: event.dates.filter((d) => d.start < piece.start || d.start >= piece.end) };
      const date = this.dateFor(actor.id, own, null, false);
      const context = collapse(this.text.slice(sentence.start, sentence.end));
      results.push(this.statement(actor, piece, frame, event, date, context));
    }
    return results;
  }

  /** "Moscow is ready to resume dialogue, Kremlin spokesman Yuri Belov told reporters on Monday." */
  private leadingReport(event: SpeechEvent, sentence: Sentence): Span | null {
    const tokens = this.analyzed.tokens;
    if (!REPORTING_VERBS.has(tokens[event.verb].lemma)) return null;
    let j = event.verb - 1;
    while (j > sentence.firstToken && SKIPPABLE_BEFORE_VERB.has(tokens[j].pos)) j--;
    const subject = this.mentionEndingAt(j);
    if (!subject) return null;
    // Back over the speaker's introduction ("Kremlin spokesman", "the") to the comma that ends the report.
    let before = subject.firstToken - 1;
    while (before > sentence.firstToken && subject.firstToken - before <= 6 && tokens[before].text !== "," && !["VERB", "PUNCT"].includes(tokens[before].pos)) before--;
    if (before <= sentence.firstToken || tokens[before].text !== ",") return null;
    // Nothing after the verb but its audience, a day, a place or a medium.
    const rest = tokens.slice(event.verb + 1, sentence.lastToken + 1).filter((t) => t.pos !== "PUNCT");
    if (rest.length > 6 || rest.some((t) => t.pos === "VERB" || t.normal === "that" || isObjectNoun(t))) return null;
    let end = before - 1;
    while (end > sentence.firstToken && tokens[end].pos === "PUNCT") end--;
    if (end - sentence.firstToken + 1 < MIN_REPORTED_WORDS) return null;
    // The report itself must be a clause ("Moscow is ready…"), not a participle or a prepositional phrase.
    const lead = tokens.slice(sentence.firstToken, end + 1);
    if (["VERB", "ADP", "SCONJ"].includes(lead[0].pos) || !lead.some((t) => t.pos === "AUX" || (t.pos === "VERB" && !t.normal.endsWith("ing")))) return null;
    return { start: tokens[sentence.firstToken].start, end: tokens[end].end };
  }

  private afterAdverbs(index: number, sentence: Sentence): number {
    let i = index;
    while (i <= sentence.lastToken && (this.analyzed.tokens[i].pos === "ADV" || this.dateCovers(i))) i++;
    return i;
  }

  // Date mentions are in text order without overlapping (findDateMentions drops overlapping ones), so
  // their starts and ends increase: the last one starting by a position is the only one that can cover it.

  private dateCovers(index: number): boolean {
    const token = this.analyzed.tokens[index];
    const next = this.analyzed.tokens[index + 1];
    return this.dateCovering(token.start, token.end) || (token.normal === "on" && next !== undefined && this.dateStartingAt(next.start) !== undefined);
  }

  private dateCovering(start: number, end: number): boolean {
    const last = this.dates[firstIndexWhere(this.dates.length, (i) => this.dates[i].start > start) - 1];
    return last !== undefined && end <= last.end;
  }

  private dateStartingAt(position: number): DateMention | undefined {
    const date = this.dates[firstStartingAtOrAfter(this.dates, position)];
    return date?.start === position ? date : undefined;
  }

  /** The first date starting within `reach` characters after `position`. */
  private dateStartingNear(position: number, reach: number): DateMention | undefined {
    const date = this.dates[firstStartingAtOrAfter(this.dates, position)];
    return date && date.start - position <= reach ? date : undefined;
  }

  /** Quotes are in text order without overlapping: does one end after `start` and begin before `end`? */
  private quoteOverlaps(start: number, end: number): boolean {
    const quote = this.quotes[firstEndingAfter(this.quotes, start)];
    return quote !== undefined && quote.start < end;
  }

  /** Where the reported words begin: after "that", at an infinitive, at a clause's subject, or (speech acts) at the object. */
  private complementStart(event: SpeechEvent, sentence: Sentence): number | null {
    const tokens = this.analyzed.tokens;
    const verb = tokens[event.verb];
    let i = this.afterAdverbs(event.verb + 1, sentence);
    if (ACT_VERBS.has(verb.lemma) && i <= sentence.lastToken && !["to", "that", ","].includes(tokens[i].normal)) {
      return tokens[i].pos === "PUNCT" ? null : i;
    }
    // "told reporters (on Monday) that…"
    let skipped = 0;
    while (i <= sentence.lastToken && skipped < 4 && (AUDIENCE.has(tokens[i].normal) || this.dateCovers(i) || tokens[i].pos === "ADV")) {
      i++;
      skipped++;
    }
    if (i > sentence.lastToken) return null;
    if (tokens[i].normal === "that") return i + 1 <= sentence.lastToken ? i + 1 : null;
    if (tokens[i].normal === "to" && INFINITIVE_VERBS.has(verb.lemma) && tokens[i + 1]?.pos === "VERB") return i;
    if (!REPORTING_VERBS.has(verb.lemma)) return null;
    // A clause: a subject within a few words, then its verb.
    for (let k = i; k <= Math.min(sentence.lastToken, i + 4); k++) {
      const pos = tokens[k].pos;
      // A finite verb: not an infinitive ("influence to combat") nor a bare participle ("sanctions targeting").
      const finite = pos === "AUX" || (pos === "VERB" && tokens[k - 1]?.normal !== "to" && !tokens[k].normal.endsWith("ing"));
      if (finite) return k > i && ["PRON", "PROPN", "NOUN", "DET", "ADJ", "NUM"].includes(tokens[i].pos) ? i : null;
      if (pos === "PUNCT" || pos === "VERB") return null;
    }
    return null;
  }

  /** The reported clause ends at the sentence's end, a semicolon or dash, or a comma before a new clause. */
  private clauseEnd(start: number, sentence: Sentence): number {
    const tokens = this.analyzed.tokens;
    for (let i = start; i <= sentence.lastToken; i++) {
      const token = tokens[i];
      const next = tokens[i + 1];
      if (token.text === ";" || token.text === "—" || token.text === "–") return i - 1;
      if (token.text === "," && next && (CLAUSE_BREAKS.has(next.normal) || (next.pos === "VERB" && next.normal.endsWith("ing")))) return i - 1;
    }
    let end = sentence.lastToken;
    while (end > start && tokens[end].pos === "PUNCT") end--;
    return end;
  }

  /** Leaders, officials and institutions: a named person needs a title or a country (the batch may supply it). */
  private isOfficial(actor: Actor): boolean {
    return actor.kind !== "person" || actor.titles.length > 0 || actor.country !== null;
  }

  private attribute(
    quote: QuoteSpan,
    previous: Attributions,
  ): { actor: number; event: SpeechEvent | null; inheritedDate: ExtractedStatement | null; frame: Span } | null {
    const openSentenceIndex = this.sentenceOf(quote.start - 1);
    const closeSentenceIndex = this.sentenceOf(Math.max(quote.start, quote.end - 1));
    const openSentence = this.analyzed.sentences[openSentenceIndex];
    const closeSentence = this.analyzed.sentences[closeSentenceIndex] ?? openSentence;
    if (!openSentence) return null;
    // 1. A verb of saying before the quote in its sentence: "Moreau responded, “…”", "labeled Peru “very sick”".
    const before = this.eventsInSentence(openSentenceIndex)
      .filter((e) => this.analyzed.tokens[e.verb].start < quote.start)
      .at(-1);
    if (before && before.actor !== null) {
      return { actor: before.actor, event: before, inheritedDate: null, frame: { start: openSentence.start, end: quote.end } };
    }
    // 2. Attribution after the closing mark: "“…,” Moreau said", "“…,” said the minister".
    const closing = quote.end;
    const after = this.eventsInSentence(closeSentenceIndex).find((e) => {
      if (e.actor === null) return false;
      const verbStart = this.analyzed.tokens[e.verb].start;
      if (verbStart < closing) return false;
      const between = this.text.slice(closing, verbStart);
      return between.length < 60 && !/["“”]/.test(between.slice(1));
    });
    if (after && after.actor !== null) {
      return { actor: after.actor, event: after, inheritedDate: null, frame: { start: openSentence.start, end: closeSentence.end } };
    }
    // 3. A continuing quote: same speaker as the previous quote of the paragraph, or of a paragraph
    //    that ended in a colon or a quote just before this one.
    const paragraph = this.paragraphOf(quote.start);
    const earlier = lastAttributedBefore(previous, quote.start);
    const startsParagraph = this.text.slice(this.layout[paragraph].start, quote.start - 1).trim() === "";
    if (earlier) {
      const [earlierQuote, info] = earlier;
      const earlierParagraph = this.paragraphOf(earlierQuote.start);
      if (earlierParagraph === paragraph || (startsParagraph && earlierParagraph === this.previousProse(paragraph))) {
        return {
          actor: info.actor,
          event: null,
          inheritedDate: info.results.at(-1) ?? null,
          frame: { start: openSentence.start, end: closeSentence.end },
        };
      }
    }
    const previousParagraph = this.previousProse(paragraph);
    if (startsParagraph && previousParagraph >= 0) {
      const lead = this.layout[previousParagraph];
      if (/:\s*$/.test(this.text.slice(lead.start, lead.end))) {
        const event = this.eventsInParagraph(previousParagraph).filter((e) => e.actor !== null).at(-1);
        if (event && event.actor !== null) {
          const leadSentence = this.analyzed.sentences[event.sentence];
          return { actor: event.actor, event, inheritedDate: null, frame: { start: leadSentence.start, end: closeSentence.end } };
        }
      }
    }
    return null;
  }

  private previousProse(paragraph: number): number {
    for (let p = paragraph - 1; p >= 0; p--) if (this.layout[p].prose) return p;
    return -1;
  }

  /** The date phrase this article ties to the utterance; never the article's own date. */
  private dateFor(
    actor: number,
    event: SpeechEvent | null,
    inherited: ExtractedStatement | null,
    opensWithQuote: boolean,
  ): DateMention | null {
    if (event && event.dates.length) return event.dates[0];
    if (inherited?.dateExpr) return { start: -1, end: -1, text: inherited.dateText ?? "", expr: inherited.dateExpr };
    if (!event) return null;
    // A verb coordinated with a dated one shares its date ("described … on Sunday and suggested …").
    const sibling = this.eventsInSentence(event.sentence).find(
      (e) => e.verb < event.verb && e.actor === actor && e.dates.length,
    );
    if (sibling) return sibling.dates[0];
    // A fronted time phrase ("Over the past weekend, …") sets the time for the rest of its paragraph,
    // unless someone else speaks in between.
    const sentences = this.analyzed.sentences;
    for (let s = event.sentence - 1; s >= 0; s--) {
      if (this.paragraphOf(sentences[s].start) !== event.paragraph) break;
      if (this.eventsInSentence(s).some((e) => e.actor !== null && e.actor !== actor)) break;
      const fronted = this.dateStartingNear(sentences[s].start, 12);
      if (fronted) return fronted;
    }
    // A paragraph that opens with the quote continues the same speaker's dated speech in the paragraphs
    // just before it ("Moreau said Wednesday…" … "“…,” Moreau wrote.").
    if (!opensWithQuote) return null;
    for (let p = this.previousProse(event.paragraph), hops = 0; p >= 0 && hops < 3; p = this.previousProse(p), hops++) {
      const inParagraph = this.eventsInParagraph(p).filter((e) => e.actor !== null);
      const dated = inParagraph.filter((e) => e.actor === actor && e.dates.length).at(-1);
      if (dated) return dated.dates[0];
      if (inParagraph.some((e) => e.actor !== actor)) return null;
    }
    return null;
  }

  private statementsFor(
    quote: QuoteSpan,
    actor: Actor,
    event: SpeechEvent | null,
    inherited: ExtractedStatement | null,
    frameWindow: Span,
  ): ExtractedStatement[] {
    const paragraph = this.layout[this.paragraphOf(quote.start)];
    const opensWithQuote = this.text.slice(paragraph.start, quote.start - 1).trim() === "";
    const date = this.dateFor(actor.id, event, inherited, opensWithQuote);
    const frame = this.gapsBetweenQuotes(frameWindow);
    const contextStart = this.analyzed.sentences[this.sentenceOf(Math.min(frameWindow.start, quote.start - 1))]?.start ?? frameWindow.start;
    const contextEnd = this.analyzed.sentences[this.sentenceOf(Math.max(quote.start, quote.end - 1))]?.end ?? frameWindow.end;
    const context = collapse(this.text.slice(Math.min(contextStart, frameWindow.start), Math.max(contextEnd, frameWindow.end)));
    const results: ExtractedStatement[] = [];
    for (const piece of this.quoteSentences(quote)) results.push(this.statement(actor, piece, frame, event, date, context));
    return results;
  }

  /** One report: the speaker's words (`piece`), features from them and their frame. */
  private statement(
    actor: Actor,
    piece: Span,
    frame: Span[],
    event: SpeechEvent | null,
    date: DateMention | null,
    context: string,
  ): ExtractedStatement {
    const words = this.text.slice(piece.start, piece.end);
    const analyzed = this.analyzed;
    let features: Features | undefined;
    return {
      text: words,
      speaker: actor.name,
      speakerKind: actor.kind,
      speakerCountry: actor.country,
      speakerTitles: actor.titles,
      speakerHead: actor.head,
      speakerOfficial: this.isOfficial(actor),
      target: this.targetFor(actor, piece, frame, event),
      dateExpr: date?.expr ?? null,
      dateText: date?.text ?? null,
      context,
      // Worked out when first read: the batch drops the reports of speakers without an office
      // (about a fifth) unread, and sentiment and rule hits are a large part of a report's cost.
      get features() {
        return (features ??= { lexicon: lexiconSentiment(words), hits: ruleHits(analyzed, [piece], frame) });
      },
      offset: piece.start,
    };
  }

  /** The frame window without any quoted words in it. */
  private gapsBetweenQuotes(window: Span): Span[] {
    const gaps: Span[] = [];
    let cursor = window.start;
    // Quotes are in text order without overlapping: the ones ending before the window come first.
    for (let q = firstEndingAtOrAfter(this.quotes, window.start); q < this.quotes.length; q++) {
      const quote = this.quotes[q];
      if (quote.start > window.end) break;
      if (quote.start - 1 > cursor) gaps.push({ start: cursor, end: quote.start - 1 });
      cursor = Math.max(cursor, quote.end + 1);
    }
    if (cursor < window.end) gaps.push({ start: cursor, end: window.end });
    return gaps;
  }

  /** A quote of several sentences is several statements: outlets quote them separately. */
  private quoteSentences(quote: QuoteSpan): Span[] {
    const pieces: Span[] = [];
    const sentences = this.analyzed.sentences;
    // Sentences are in text order: those ending by the quote's start and those starting after its end cannot overlap it.
    for (let s = firstEndingAfter(sentences, quote.start); s < sentences.length && sentences[s].start < quote.end; s++) {
      const sentence = sentences[s];
      const start = Math.max(sentence.start, quote.start);
      const end = Math.min(sentence.end, quote.end);
      if (end <= start) continue;
      let piece = this.text.slice(start, end);
      const leading = piece.length - piece.trimStart().length;
      piece = piece.trim();
      const trimmed = piece.replace(/[\s,;:—–-]+$/, "").replace(/^[\s,;:—–-]+/, "");
      const offset = start + leading + piece.indexOf(trimmed);
      if (!/\p{L}{2,}/u.test(trimmed)) continue;
      pieces.push({ start: offset, end: offset + trimmed.length });
    }
    return pieces;
  }

  /** The country the words are aimed at: named in the quote, then in the frame, else the article's other country. */
  private targetFor(actor: Actor, piece: Span, frame: Span[], event: SpeechEvent | null): string | null {
    const own = actor.country;
    const verbEnd = event ? this.analyzed.tokens[event.verb].end : Number.POSITIVE_INFINITY;
    const candidates: { position: number; country: string | null; rank: number }[] = [];
    // Only positions inside the piece or the frame rank at all.
    const spans = [piece, ...frame];
    const from = Math.min(...spans.map((s) => s.start));
    const to = Math.max(...spans.map((s) => s.end));
    for (const mention of startingWithin(this.found.countries, from, to)) {
      const rank = targetRank(mention.start, piece, frame, verbEnd);
      if (rank >= 0) candidates.push({ position: mention.start, country: mention.country, rank });
    }
    for (const mention of [...startingWithin(this.found.quotedMentions, from, to), ...startingWithin(this.found.mentions, from, to)]) {
      if (mention.actor === actor.id) continue;
      const rank = targetRank(mention.start, piece, frame, verbEnd);
      if (rank >= 0) candidates.push({ position: mention.start, country: this.found.actors[mention.actor].country, rank });
    }
    candidates.sort((a, b) => a.rank - b.rank || a.position - b.position);
    const named = candidates.find((c) => c.country && c.country !== own);
    if (named) return named.country;
    return this.dyad.find((country) => country !== own) ?? null;
  }
}

/**
 * How strongly a country named at `position` is the target: named in the quote (0) first; then the
 * verb's object ("accused Oliveira of", "labeled Peru", 1); then the rest of the frame (2); -1 outside both.
 */
function targetRank(position: number, piece: Span, frame: Span[], verbEnd: number): number {
  if (inSpan(position, piece)) return 0;
  if (!frame.some((span) => inSpan(position, span))) return -1;
  return position >= verbEnd && position - verbEnd < 40 ? 1 : 2;
}

function inSpan(position: number, span: Span): boolean {
  return position >= span.start && position < span.end;
}

interface Attribution {
  actor: number;
  event: SpeechEvent | null;
  results: ExtractedStatement[];
}

/** Quotes already attributed, and the order they were attributed in. */
interface Attributions {
  info: Map<QuoteSpan, Attribution>;
  order: QuoteSpan[];
}

/** The last attributed quote that starts before `position`, as the entries of `info` list it. */
function lastAttributedBefore(attributions: Attributions, position: number): [QuoteSpan, Attribution] | undefined {
  for (let i = attributions.order.length - 1; i >= 0; i--) {
    const quote = attributions.order[i];
    if (quote.start < position) return [quote, attributions.info.get(quote)!];
  }
  return undefined;
}

/** A noun that is the verb's object, not its audience ("told reporters") or medium ("in an interview"). */
function isObjectNoun(token: Token): boolean {
  return token.pos === "NOUN" && !AUDIENCE.has(token.normal) && !MEDIA.has(token.normal);
}


/** Index of the first token ending after `position`, -1 when none; token ends never decrease. */
function tokenEndingAfter(tokens: Token[], position: number): number {
  const index = firstEndingAfter(tokens, position);
  return index < tokens.length ? index : -1;
}

/**
 * The items starting in [from, to), in their order. Country mentions (sorted by the gazetteer)
 * and actor mentions (sorted by findActors, pronouns merged in by position) are in text order.
 */
function startingWithin<T extends { start: number }>(items: T[], from: number, to: number): T[] {
  const result: T[] = [];
  for (let i = firstStartingAtOrAfter(items, from); i < items.length && items[i].start < to; i++) result.push(items[i]);
  return result;
}
