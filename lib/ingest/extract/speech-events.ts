import speech from "../../data/speech.json";
import type { DateMention } from "../dates";
import { matchTitleAt } from "../gazetteer";
import { isPassive, type Sentence, type Token } from "../nlp";
import type { ArticleActors } from "./actors";
import { itemBeforeSeparator } from "./actors/country-speakers";
import type { ActorMention } from "./actors/types";
import type { ArticleText } from "./article-text";
import type { MentionIndex } from "./mention-index";
import { appendTo, firstEndingAfter, groupBy, sentenceHoldingToken } from "./positions";
import { datesAnotherEvent, modifiesANoun, type ProseDates } from "./prose-dates";
import { insideAny } from "./quotes";

export const SPEECH_VERBS = new Set(speech.verbs);
const PHRASAL_VERBS = speech.phrasalVerbs.map((phrase) => phrase.split(" "));
const SPEECH_NOUNS = new Set(speech.nouns);
const INVERTED_VERBS = new Set(speech.invertedVerbs);
const DOCUMENT_VERBS = new Set(speech.documentVerbs);
const DOCUMENTS = new Set(speech.documents);
export const SKIPPABLE_BEFORE_VERB = new Set(["ADV", "AUX", "PART"]);
/** Words of title and country that may stand between "according to" and the name. */
const ACCORDING_TO_REACH = 6;
const QUOTING_VERBS = new Set(["quoted", "quoting", "quotes", "cited", "citing", "cites"]);

/** A verb of saying (or a noun: "Moreau's response"), who says, and the date phrases tied to it. */
export interface SpeechEvent {
  verb: number;
  actor: number | null;
  /** Others named with the speaker as the verb's subject ("Denmark, Finland and Iceland said"), who say the same. */
  jointly?: number[];
  sentence: number;
  paragraph: number;
  dates: DateMention[];
}

/** Parts of speech of a title phrase: "the second vice president and Minister of Labor". */
const TITLE_PHRASE_POS = new Set(["DET", "ADJ", "NOUN", "PROPN", "CCONJ", "PART", "NUM"]);
/** The prepositions inside a title: "Minister of Labor", "spokesman for the ministry". */
const TITLE_PREPOSITIONS = new Set(["of", "for"]);
/** Title words a body may stand apart from the person it qualifies by: "foreign office spokesperson". */
const TITLE_WORDS_BETWEEN = 3;
const TITLE_WORD_POS = new Set(["ADJ", "NOUN", "PROPN"]);
const inTitlePhrase = (token: Token) => (TITLE_PHRASE_POS.has(token.pos) || TITLE_PREPOSITIONS.has(token.normal)) && token.normal !== "that";
/** Tokens of a title phrase before a name set off by commas. */
const TITLE_PHRASE_TOKENS = 8;
/** Words after which a subject's title phrase opens its clause. */
const CLAUSE_OPENERS = new Set(["that", "and", "but", "while", "as", "when", "whereas"]);

/**
 * "The Spanish Defence Minister, | Ana Ruiz": the first token of the title phrase that ends at the
 * comma before the name starting at `name`, or null when no title stands in those words.
 */
export function titlePhraseBefore(text: string, tokens: Token[], name: number, sentenceStart: number): number | null {
  if (tokens[name - 1]?.text !== ",") return null;
  const phraseEnd = name - 2;
  let start = phraseEnd;
  while (start > sentenceStart && phraseEnd - start < TITLE_PHRASE_TOKENS && inTitlePhrase(tokens[start - 1])) start--;
  for (let k = start; k <= phraseEnd; k++) if (matchTitleAt(text, tokens[k].start)) return start;
  return null;
}

/** The speech events of an article's prose, by sentence and by paragraph, in the order they were found. */
export class SpeechEvents {
  readonly all: SpeechEvent[] = [];
  private readonly bySentence = new Map<number, SpeechEvent[]>();
  private readonly byParagraph = new Map<number, SpeechEvent[]>();

  constructor(
    private readonly article: ArticleText,
    private readonly actors: ArticleActors,
    private readonly mentions: MentionIndex,
    private readonly dates: ProseDates,
  ) {
    this.collect(dates);
  }

  inSentence(sentence: number): SpeechEvent[] {
    return this.bySentence.get(sentence) ?? [];
  }

  inParagraph(paragraph: number): SpeechEvent[] {
    return this.byParagraph.get(paragraph) ?? [];
  }

  private add(event: SpeechEvent): void {
    this.all.push(event);
    appendTo(this.bySentence, event.sentence, event);
    appendTo(this.byParagraph, event.paragraph, event);
  }

  private isSpeechVerb(token: Token | undefined): boolean {
    if (!token || token.pos !== "VERB" || insideAny(token.start, this.article.quotes)) return false;
    const tokens = this.article.analyzed.tokens;
    if (isReducedPassive(tokens, token.index) || isPluralNounAfterVerb(tokens, token.index) || isPredicateInfinitive(tokens, token.index)) return false;
    return SPEECH_VERBS.has(token.lemma) || phrasalVerbEnd(tokens, token.index) !== null || (DOCUMENT_VERBS.has(token.lemma) && hasDocumentSubject(tokens, token.index));
  }

  /** Who does the saying: the mention right before the verb, an inverted "said X", or the clause's subject. */
  private subjectOf(verbIndex: number, sentence: Sentence): number | null {
    const tokens = this.article.analyzed.tokens;
    // "the agency quoted Wen as saying": the one quoted speaks, not the one quoting.
    if (tokens[verbIndex - 1]?.normal === "as") {
      const quoted = this.mentions.endingAt(verbIndex - 2);
      if (quoted && QUOTING_VERBS.has(tokens[quoted.firstToken - 1]?.normal ?? "")) return quoted.actor;
    }
    if (QUOTING_VERBS.has(tokens[verbIndex].normal)) {
      const quoted = this.mentions.startingJustAfter(verbIndex);
      if (quoted && tokens[quoted.lastToken + 1]?.normal === "as") return quoted.actor;
    }
    // "Lima summoned Chile's ambassador to express “strong protest”": an infinitive's subject is
    // its sentence's, never the object just before it.
    if (tokens[verbIndex - 1]?.normal === "to" && tokens[verbIndex - 1].pos === "PART") {
      const subject = this.mentions.inSentence(this.article.sentenceOf(tokens[verbIndex].start)).find((m) => m.firstToken >= sentence.firstToken && m.lastToken < verbIndex && !m.oblique);
      return subject ? subject.actor : null;
    }
    // "The envoy was declared persona non grata": a passive verb of saying says nothing of its subject.
    if (isPassive(tokens, verbIndex)) return null;
    // "Noting that …, the minister said": a participle opening the sentence has the main clause's subject.
    if (verbIndex === sentence.firstToken && tokens[verbIndex].normal.endsWith("ing")) return this.mainSubjectAfterComma(verbIndex, sentence);
    // Adverbs, auxiliaries and a day may stand between subject and verb ("Peru on Wednesday said").
    let j = verbIndex - 1;
    while (j >= sentence.firstToken && verbIndex - j <= 6 && (SKIPPABLE_BEFORE_VERB.has(tokens[j].pos) || this.dates.covers(j))) j--;
    const adjacent = j >= sentence.firstToken ? this.mentions.endingAt(j) : undefined;
    if (adjacent) return (this.firstConjunct(adjacent.firstToken, sentence) ?? adjacent).actor;
    const verb = tokens[verbIndex];
    // "“…,” said the minister." — only right after a quote or comma, with the speaker closing the clause.
    const introducedByQuote = /^[,”"’]$/.test(tokens[verbIndex - 1]?.text ?? "");
    if ((INVERTED_VERBS.has(verb.normal) || DOCUMENT_VERBS.has(verb.lemma)) && introducedByQuote) {
      const after = this.mentions.startingJustAfter(verbIndex);
      // The speaker closes the clause, or a phrase of place, time or manner follows ("said X in a speech").
      const closes = after && (/^[.,;:!?]?$/.test(tokens[after.lastToken + 1]?.text ?? "") || ["ADP", "SCONJ"].includes(tokens[after.lastToken + 1]?.pos ?? ""));
      if (after && closes && !after.oblique) return after.actor;
    }
    // "the vice president and labour minister, Ana Ruiz, expressed": a name set off by commas after its title.
    const named = j > sentence.firstToken && tokens[j].text === "," && !verb.normal.endsWith("ing") ? this.nameAfterTitle(j - 1, sentence) : undefined;
    if (named) return named.actor;
    const coordinated = j >= sentence.firstToken && (tokens[j].normal === "and" || tokens[j].text === ",");
    if (coordinated) {
      // A verb's, not a possessed noun's inside its clause ("X said Y's comments were … and reiterated").
      const earlier = this.inSentence(this.article.sentenceOf(verb.start))
        .filter((e) => e.verb < verbIndex && tokens[e.verb].pos === "VERB" && !inFreeRelative(tokens, e.verb))
        .at(-1);
      if (earlier && earlier.actor !== null) return earlier.actor;
    }
    // "Jang, a vice-department director of the party's committee, said": the name before the appositive.
    if (j >= sentence.firstToken && tokens[j].text === ",") {
      for (let k = j - 1; k > sentence.firstToken && j - k < 25; k--) {
        if (tokens[k].text !== ",") continue;
        const named = this.mentions.endingAt(k - 1);
        // A country or body opening the sentence speaks too: "Peru, for its part, accused …".
        if (named && (this.actors.actors[named.actor].kind === "person" || opensSentence(tokens, named.firstToken, sentence))) return named.actor;
        break;
      }
    }
    // A mention ending before the verb starts in the verb's sentence.
    const inSentence = this.mentions.inSentence(sentenceHoldingToken(this.article.analyzed.sentences, sentence.firstToken));
    const candidates = inSentence.filter(
      (m) => m.firstToken >= sentence.firstToken && m.lastToken < verbIndex && !m.oblique && !this.actors.actors[m.actor].metonym,
    );
    if (candidates.length === 0) return null;
    // A participle ("…, saying") or a verb after a subordinate clause takes the sentence's subject.
    return (verb.text.endsWith("ing") || coordinated ? this.headOf(candidates) : candidates[candidates.length - 1]).actor;
  }

  /**
   * The first of a sentence's subject candidates, or the person it qualifies: "Germany's foreign office
   * spokesperson Maria Adebahr" is Adebahr, the office only saying whose spokesperson she is.
   */
  private headOf(candidates: ActorMention[]): ActorMention {
    const [first, next] = candidates;
    const { actors } = this.actors;
    if (!next || actors[first.actor].kind === "person" || actors[next.actor].kind !== "person" || next.firstToken - first.lastToken > TITLE_WORDS_BETWEEN + 1) return first;
    const tokens = this.article.analyzed.tokens;
    for (let k = first.lastToken + 1; k < next.firstToken; k++) if (!TITLE_WORD_POS.has(tokens[k].pos)) return first;
    return next;
  }

  /**
   * A person's name ending at `last`, set off by commas after a title phrase that opens its clause
   * ("…, and that the vice president, Ana Ruiz, expressed"); not one after a preposition ("about his
   * counterpart, Ana Ruiz, saying"), which is no subject.
   */
  private nameAfterTitle(last: number, sentence: Sentence) {
    const tokens = this.article.analyzed.tokens;
    const name = this.mentions.endingAt(last);
    if (!name || name.oblique || this.actors.actors[name.actor].kind !== "person") return undefined;
    const start = titlePhraseBefore(this.article.text, tokens, name.firstToken, sentence.firstToken);
    if (start === null) return undefined;
    const opener = tokens[start - 1];
    return start === sentence.firstToken || opener.text === "," || CLAUSE_OPENERS.has(opener.normal) ? name : undefined;
  }

  /** The mention opening the main clause after the first comma past `from`, as "Noting that …, Ruiz said" puts it. */
  private mainSubjectAfterComma(from: number, sentence: Sentence): number | null {
    const tokens = this.article.analyzed.tokens;
    let comma = from + 1;
    while (comma <= sentence.lastToken && tokens[comma].text !== ",") comma++;
    if (comma > sentence.lastToken) return null;
    const subject = this.mentions.startingJustAfter(comma);
    return subject && !subject.oblique ? subject.actor : null;
  }

  /**
   * The governments listed before the one right before the verb, joined by commas and "and":
   * "Denmark, Finland and Iceland said" gives Denmark and Finland beside Iceland.
   */
  private jointSpeakers(verbIndex: number, sentence: Sentence, actor: number): number[] {
    const tokens = this.article.analyzed.tokens;
    let j = verbIndex - 1;
    while (j >= sentence.firstToken && SKIPPABLE_BEFORE_VERB.has(tokens[j].pos)) j--;
    const last = this.mentions.endingAt(j);
    // Governments listed as one subject; a name before a comma is more often an aside's ("In a call with X, Y said").
    if (!last || last.actor !== actor || last.via !== "institution" || this.actors.actors[actor].kind !== "institution") return [];
    const joint: number[] = [];
    let k = last.firstToken - 1;
    while (k > sentence.firstToken) {
      const itemEnd = itemBeforeSeparator(tokens, k, joint.length === 0);
      if (itemEnd < 0) break;
      const listed = this.mentions.endingAt(itemEnd);
      if (!listed || listed.oblique || listed.via !== "institution" || this.actors.actors[listed.actor].kind !== "institution") break;
      if (listed.actor !== actor && !joint.includes(listed.actor)) joint.unshift(listed.actor);
      k = listed.firstToken - 1;
    }
    return joint;
  }

  /** "The defence ministry and the general staff said": the first of joint speakers, who leads the list. */
  private firstConjunct(firstToken: number, sentence: Sentence) {
    const tokens = this.article.analyzed.tokens;
    let k = firstToken - 1;
    // Over the second speaker's title ("the General Staff").
    while (k > firstToken - 4 && ["PROPN", "NOUN", "ADJ"].includes(tokens[k]?.pos ?? "")) k--;
    // "the" starts a second body: "State Councilor and Foreign Minister Wang" is one person's titles.
    if (tokens[k]?.normal !== "the") return undefined;
    k--;
    if (k <= sentence.firstToken || tokens[k].normal !== "and") return undefined;
    const first = this.mentions.endingAt(k - 1);
    return first && !first.oblique ? first : undefined;
  }

  /** Whose speech the noun at `nounIndex` is: a mention right before it, or before "'s" and at most one modifier. */
  private possessorOf(nounIndex: number) {
    const tokens = this.article.analyzed.tokens;
    const direct = this.mentions.endingAt(nounIndex - 1);
    if (direct) return direct;
    const modified = ["NOUN", "PROPN", "ADJ"].includes(tokens[nounIndex - 1]?.pos ?? "");
    for (const gap of modified ? [2, 3] : [2]) {
      if (!/^[’']s$/.test(tokens[nounIndex - gap + 1]?.text ?? "")) continue;
      const owner = this.mentions.endingAt(nounIndex - gap);
      if (owner) return owner;
    }
    return undefined;
  }

  /**
   * "said that, with …, the talks last month achieved …": after a "that" opening the verb's clause,
   * a phrase of time is the clause's, not the saying's ("said on Monday that …" keeps its own).
   */
  private thatBetween(verb: number, at: number): boolean {
    const tokens = this.article.analyzed.tokens;
    for (let i = verb + 1; i < at; i++) if (tokens[i].normal === "that" && tokens[i].pos === "SCONJ") return true;
    return false;
  }

  /** A verb that is not one of saying between the tokens `a` and `b`. */
  private otherVerbBetween(a: number, b: number): boolean {
    const tokens = this.article.analyzed.tokens;
    for (let i = Math.min(a, b) + 1; i < Math.max(a, b); i++) if (tokens[i].pos === "VERB" && !this.isSpeechVerb(tokens[i])) return true;
    return false;
  }

  private collect(dates: ProseDates): void {
    const tokens = this.article.analyzed.tokens;
    const datesBySentence = groupBy(dates.mentions, (d) => this.article.sentenceHolding(d.start));
    this.article.analyzed.sentences.forEach((sentence, sentenceIndex) => {
      const paragraph = this.article.paragraphOf(sentence.start);
      if (!this.article.isProse(paragraph)) return;
      const verbs: SpeechEvent[] = [];
      for (let i = sentence.firstToken; i <= sentence.lastToken; i++) {
        const token = tokens[i];
        if (this.isSpeechVerb(token)) {
          const event: SpeechEvent = { verb: i, actor: null, sentence: sentenceIndex, paragraph, dates: [] };
          this.add(event);
          event.actor = this.subjectOf(i, sentence);
          const jointly = event.actor === null ? [] : this.jointSpeakers(i, sentence, event.actor);
          if (jointly.length) event.jointly = jointly;
          verbs.push(event);
        } else if (token.normal === "according" && tokens[i + 1]?.normal === "to" && !insideAny(token.start, this.article.quotes)) {
          // "“…,” according to the ministry": the one the words are according to says them.
          const source = this.mentions.inSentence(sentenceIndex).find((m) => m.firstToken >= i + 2 && m.firstToken <= i + 2 + ACCORDING_TO_REACH);
          if (source && !tokens.slice(i + 2, source.firstToken).some((t) => t.pos === "PUNCT")) {
            const event = { verb: i, actor: source.actor, sentence: sentenceIndex, paragraph, dates: [] as DateMention[] };
            this.add(event);
            verbs.push(event);
          }
        } else if (SPEECH_NOUNS.has(token.normal) && !insideAny(token.start, this.article.quotes)) {
          // "Moreau's response was blunt:", "reads Moreau's televised statement" — the possessor speaks.
          const owner = this.possessorOf(i);
          const possessive = owner && /[’']s$/.test(this.article.text.slice(owner.start, tokens[owner.lastToken + 1]?.end ?? owner.end).trim());
          if (owner && possessive) {
            const event = { verb: i, actor: owner.actor, sentence: sentenceIndex, paragraph, dates: [] as DateMention[] };
            this.add(event);
            verbs.push(event);
          }
        }
      }
      // Each date phrase belongs to the nearest verb of saying in its sentence. After the verb, not
      // across another verb: that one's clause holds it ("said Russia had failed to explain the
      // attack on March 4"). A phrase before the verb opens the sentence for it ("Later Wednesday,
      // addressing protesters, X said").
      for (const mention of datesBySentence.get(sentenceIndex) ?? []) {
        if (datesAnotherEvent(this.article.text, mention) || modifiesANoun(tokens, mention)) continue;
        const at = tokenEndingAfter(tokens, mention.start);
        // Before a verb of saying, a phrase reaches it, but not from another verb's clause after an
        // earlier verb of saying ("denouncing a tweet directed at the kingdom last month, and accusing …").
        const earlierSaying = verbs.filter((event) => event.verb < at).at(-1);
        const reachable = verbs.filter((event) =>
          at < event.verb
            ? !earlierSaying || !this.otherVerbBetween(earlierSaying.verb, at)
            : !this.otherVerbBetween(event.verb, at) && !this.thatBetween(event.verb, at),
        );
        if (reachable.length === 0) continue;
        const nearest = reachable.sort((a, b) => Math.abs(a.verb - at) - Math.abs(b.verb - at) || a.verb - b.verb)[0];
        nearest.dates.push(mention);
      }
      // The phrase nearest its verb first: "a day after the clash on Monday, X on Wednesday said".
      for (const event of verbs) if (event.dates.length > 1) event.dates.sort((a, b) => Math.abs(tokenEndingAfter(tokens, a.start) - event.verb) - Math.abs(tokenEndingAfter(tokens, b.start) - event.verb));
    });
  }
}

/** The mention at `firstToken` opens the sentence or its clause after a dateline's dash, after at most a "the". */
function opensSentence(tokens: Token[], firstToken: number, sentence: Sentence): boolean {
  const start = tokens[firstToken - 1]?.normal === "the" ? firstToken - 1 : firstToken;
  return start === sentence.firstToken || /^[—–-]$/.test(tokens[start - 1]?.text ?? "");
}

/** "soldiers believed captured", "troops reported killed": a participle qualifying a noun, no one saying anything. */
function isReducedPassive(tokens: Token[], index: number): boolean {
  const next = tokens[index + 1];
  return tokens[index].normal.endsWith("ed") && next?.pos === "VERB" && next.normal.endsWith("ed") && tokens[index - 1]?.pos === "NOUN";
}

/** "the statement read", "“…,” read the statement": a document before the verb, or right after it. */
function hasDocumentSubject(tokens: Token[], index: number): boolean {
  return DOCUMENTS.has(tokens[index - 1]?.normal ?? "") || (tokens[index + 1]?.normal === "the" && DOCUMENTS.has(tokens[index + 2]?.normal ?? ""));
}

const BE_FORMS = new Set(["be", "is", "are", "was", "were", "been", "being", "'s", "’s"]);

/** "was entirely to blame", "is to announce": an infinitive after "be" says what is owed or planned, not what was said. */
function isPredicateInfinitive(tokens: Token[], index: number): boolean {
  if (tokens[index - 1]?.normal !== "to") return false;
  let k = index - 2;
  while (k >= 0 && tokens[k].pos === "ADV") k--;
  return k >= 0 && BE_FORMS.has(tokens[k].normal);
}

/** "what he termed", "what it described as": a verb of saying inside a free relative, an aside of the sentence. */
function inFreeRelative(tokens: Token[], verb: number): boolean {
  return tokens[verb - 2]?.normal === "what" || tokens[verb - 3]?.normal === "what";
}

/** "echoed calls from …", "dismissed claims": a form in -s right after a verb is that verb's object, a noun. */
function isPluralNounAfterVerb(tokens: Token[], index: number): boolean {
  return tokens[index].normal.endsWith("s") && tokens[index].normal !== tokens[index].lemma && tokens[index - 1]?.pos === "VERB";
}

/** The last token of a verb of saying of several words at `index` ("pointed out", "made it clear"), or null. */
export function phrasalVerbEnd(tokens: Token[], index: number): number | null {
  for (const [lemma, ...rest] of PHRASAL_VERBS) {
    if (tokens[index].lemma === lemma && rest.every((word, k) => tokens[index + 1 + k]?.normal === word)) return index + rest.length;
  }
  return null;
}

const NEGATIONS = new Set(["not", "n't", "never", "no"]);
const REFUSALS = new Set(["decline", "refuse"]);

/** "has not commented", "declined to comment": a verb of saying that reports no words. */
export function saysNothing(tokens: Token[], event: SpeechEvent): boolean {
  for (let i = Math.max(0, event.verb - 3); i < event.verb; i++) if (NEGATIONS.has(tokens[i].normal) || REFUSALS.has(tokens[i].lemma)) return true;
  return false;
}

/** Index of the first token ending after `position`, -1 when none; token ends never decrease. */
function tokenEndingAfter(tokens: Token[], position: number): number {
  const index = firstEndingAfter(tokens, position);
  return index < tokens.length ? index : -1;
}
