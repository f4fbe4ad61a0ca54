import speech from "../../../data/speech.json";
import { isPassive, type AnalyzedText } from "../../nlp";
import { sentenceHoldingToken } from "../positions";
import { insideAny, type QuoteSpan } from "../quotes";
import { PREPOSITIONS } from "./cast";
import type { Actor, ActorMention } from "./types";

const PRONOUNS = new Set(speech.pronouns);
const OBJECT_PRONOUNS = new Set(["him", "her"]);
const INVERTED_VERBS = new Set(speech.invertedVerbs);
/** How many of the reporter's sentences before its own a pronoun looks back over. */
const LOOK_BACK = 4;
/** "The statement" may come paragraphs after whoever issued it. */
const DOCUMENT_LOOK_BACK = 8;
const DOCUMENTS = new Set(speech.documents);
/** "the statement read", "“…,” read the statement": verbs of saying only for a document. */
const DOCUMENT_VERBS = new Set(speech.documentVerbs);
const AUTHORSHIP = new Set(["from", "by", "of"]);
/** Tokens back from an author to the document it issued: "a statement by the office of …". */
const AUTHOR_REACH = 4;
const OFFICES = new Set(["office", "spokesman", "spokeswoman", "spokesperson", "aides"]);

/**
 * Resolves "he"/"she" to the most salient person, and "it" before a verb of saying to the most
 * salient institution: the subject of the current or a recent sentence.
 */
export function withPronouns(
  analyzed: AnalyzedText,
  mentions: ActorMention[],
  quotes: QuoteSpan[],
  actors: Actor[],
  speechLemmas: Set<string>,
): ActorMention[] {
  const result: ActorMention[] = [];
  // The last one who spoke is the likeliest "he": "Peru's president called it “shameful”. He also suggested…"
  // Not one speaking in a relative clause: "… against Rwanda, whose president denies it. He …".
  const speaks = (mention: ActorMention) => speaksAfter(mention.lastToken) && !inWhoseClause(analyzed.tokens, mention.firstToken);
  const speaksAfter = (lastToken: number) => {
    let next = lastToken + 1;
    while (analyzed.tokens[next] && ["ADV", "AUX"].includes(analyzed.tokens[next].pos)) next++;
    const token = analyzed.tokens[next];
    // "the diplomat has been asked to leave" is spoken to, not speaking.
    return Boolean(token && token.pos === "VERB" && speechLemmas.has(token.lemma) && !isPassive(analyzed.tokens, next));
  };
  const isPerson = (id: number) => actors[id]?.kind === "person";
  const sentenceOf = (tokenIndex: number) => sentenceHoldingToken(analyzed.sentences, tokenIndex);
  // A mention within a sentence starts in it: each pronoun looks only at the mentions of a few sentences.
  const resultBySentence = new Map<number, ActorMention[]>();
  const add = (mention: ActorMention) => {
    result.push(mention);
    const sentence = sentenceOf(mention.firstToken);
    const group = resultBySentence.get(sentence);
    if (group) group.push(mention);
    else resultBySentence.set(sentence, [mention]);
  };
  const quoted = new Map<number, boolean>();
  const whollyQuoted = (s: number) => {
    let answer = quoted.get(s);
    if (answer === undefined) quoted.set(s, (answer = isWhollyQuoted(analyzed, s, quotes)));
    return answer;
  };
  // A pronoun's sentence and the few of the reporter's before it: a long quotation between the
  // speaker's introduction and "he said" is the speaker's own words and keeps no one else in mind.
  const lookBack = (here: number, reach: number) => {
    const sentences = [here];
    for (let s = here - 1; s >= 0 && sentences.length <= reach; s--) if (!whollyQuoted(s)) sentences.push(s);
    return sentences;
  };
  // "It said", "it warned": an institution speaking again, as a ministry's statement is reported,
  // or a person's office or statement heard before ("his office said …, the statement added").
  const isInstitution = (id: number) => actors[id]?.kind === "institution";
  const voices = new Set<ActorMention>();
  // "the statement said", "according to the statement", "said the statement": whoever issued it, the last to speak.
  const tokens = analyzed.tokens;
  // "said a statement by the office of …": an indefinite one names its author right after it.
  const isDocument = (index: number) =>
    DOCUMENTS.has(tokens[index].normal) &&
    (tokens[index - 1]?.normal === "the" || (tokens[index - 1]?.normal === "a" && AUTHORSHIP.has(tokens[index + 1]?.normal ?? ""))) &&
    (speaksAfter(index) ||
      DOCUMENT_VERBS.has(tokens[index + 1]?.lemma ?? "") ||
      (tokens[index - 2]?.normal === "to" && tokens[index - 3]?.normal === "according") ||
      saidBefore(index - 2));
  // "“…,” said the statement", "“…,” read the statement".
  const saidBefore = (index: number) =>
    (INVERTED_VERBS.has(tokens[index]?.normal ?? "") || DOCUMENT_VERBS.has(tokens[index]?.lemma ?? "")) && /^[,”"’]$/.test(tokens[index - 1]?.text ?? "");
  const mentionsDocument = (s: number) => {
    const sentence = analyzed.sentences[s];
    for (let i = sentence.firstToken; i <= sentence.lastToken; i++) if (DOCUMENTS.has(tokens[i].normal)) return true;
    return false;
  };
  // "a statement from the ministry", "the communique issued by the ministry", "a statement by the
  // office of the government spokesperson of Rwanda".
  const isDocumentsAuthor = (m: ActorMention) => AUTHORSHIP.has(tokens[m.firstToken - 1]?.normal ?? "") && documentBefore(m.firstToken - 2);
  const documentBefore = (from: number) => {
    for (let i = from; i >= 0 && i >= from - AUTHOR_REACH; i--) {
      if (DOCUMENTS.has(tokens[i].normal)) return true;
      if (tokens[i].pos === "PUNCT" || (tokens[i].pos === "VERB" && !tokens[i].normal.endsWith("ed"))) return false;
    }
    return false;
  };
  // "his office said", "her spokesman said": the person's own voice.
  const isOwnOffice = (index: number) =>
    (tokens[index].normal === "his" || tokens[index].normal === "her") && OFFICES.has(tokens[index + 1]?.normal ?? "") && speaksAfter(index + 1);
  const anyone = (id: number) => actors[id] !== undefined && actors[id].country !== null;
  // "according to him": the one the words are according to.
  const isSourcePronoun = (index: number) =>
    OBJECT_PRONOUNS.has(tokens[index].normal) && tokens[index - 1]?.normal === "to" && tokens[index - 2]?.normal === "according";
  let cursor = 0;
  for (const token of analyzed.tokens) {
    const it = token.normal === "it";
    const personal = PRONOUNS.has(token.normal) || isSourcePronoun(token.index);
    const document = !it && !personal && isDocument(token.index);
    const office = !it && !document && isOwnOffice(token.index);
    if ((!personal && !it && !document && !office) || insideAny(token.start, quotes)) continue;
    if (it && !speaksAfter(token.index)) continue;
    const fits = (m: ActorMention) => (document ? anyone(m.actor) : it ? isInstitution(m.actor) || voices.has(m) : isPerson(m.actor));
    while (cursor < mentions.length && mentions[cursor].start < token.start) add(mentions[cursor++]);
    const here = sentenceOf(token.index);
    let referent: number | null = null;
    // "a statement by the office of X": its author follows it.
    if (document && tokens[token.index - 1].normal === "a") {
      const author = mentions.find((m) => m.firstToken > token.index && m.firstToken - token.index <= AUTHOR_REACH + 2 && isDocumentsAuthor(m));
      if (!author) continue;
      referent = author.actor;
    }
    for (const s of referent === null ? lookBack(here, document ? DOCUMENT_LOOK_BACK : LOOK_BACK) : []) {
      if (referent !== null) break;
      const sentence = analyzed.sentences[s];
      const inSentence = (resultBySentence.get(s) ?? []).filter(
        (m) => fits(m) && m.firstToken >= sentence.firstToken && m.lastToken <= sentence.lastToken && m.start < token.start,
      );
      if (inSentence.length === 0) continue;
      // A statement was issued by someone the reporter has speaking, never by a bystander.
      if (document) {
        const issuer =
          inSentence.filter(speaks).at(-1) ?? (mentionsDocument(s) ? (inSentence.find(isDocumentsAuthor) ?? inSentence.find((m) => !m.oblique)) : undefined);
        if (issuer) referent = issuer.actor;
        continue;
      }
      const subject =
        (s < here ? inSentence.filter(speaks).at(-1) : undefined) ??
        inSentence.find((m) => !m.oblique && m.via !== "pronoun") ??
        inSentence.find((m) => !m.oblique) ??
        inSentence[inSentence.length - 1];
      referent = subject.actor;
    }
    if (referent === null) continue;
    const first = document ? token.index - 1 : token.index;
    const last = office ? token.index + 1 : token.index;
    const mention: ActorMention = {
      start: tokens[first].start,
      end: tokens[last].end,
      firstToken: first,
      lastToken: last,
      actor: referent,
      via: "pronoun",
      oblique: Boolean(analyzed.tokens[first - 1] && PREPOSITIONS.has(analyzed.tokens[first - 1].normal)),
    };
    add(mention);
    if (document || office) voices.add(mention);
  }
  while (cursor < mentions.length) result.push(mentions[cursor++]);
  return result;
}

/** The mention at `first` follows "whose" and its title words: it is inside a relative clause. */
function inWhoseClause(tokens: AnalyzedText["tokens"], first: number): boolean {
  let k = first - 1;
  while (k >= 0 && k >= first - 4 && ["NOUN", "PROPN", "ADJ"].includes(tokens[k].pos)) k--;
  return tokens[k]?.normal === "whose";
}

/** Every word of the sentence is quoted: it belongs to a quotation, not to the reporter's narrative. */
function isWhollyQuoted(analyzed: AnalyzedText, sentenceIndex: number, quotes: QuoteSpan[]): boolean {
  const sentence = analyzed.sentences[sentenceIndex];
  for (let i = sentence.firstToken; i <= sentence.lastToken; i++) {
    const token = analyzed.tokens[i];
    if (token.pos !== "PUNCT" && !insideAny(token.start, quotes)) return false;
  }
  return true;
}
