import speech from "../../../data/speech.json";
import type { AnalyzedText } from "../../nlp";
import { sentenceHoldingToken } from "../positions";
import { insideAny, type QuoteSpan } from "../quotes";
import { PREPOSITIONS } from "./cast";
import type { Actor, ActorMention } from "./types";

const PRONOUNS = new Set(speech.pronouns);

/** Resolves "he"/"she" to the most salient person: the subject of the current or a recent sentence. */
export function withPronouns(
  analyzed: AnalyzedText,
  mentions: ActorMention[],
  quotes: QuoteSpan[],
  actors: Actor[],
  speechLemmas: Set<string>,
): ActorMention[] {
  const result: ActorMention[] = [];
  // The last one who spoke is the likeliest "he": "Peru's president called it “shameful”. He also suggested…"
  const speaks = (mention: ActorMention) => {
    let next = mention.lastToken + 1;
    while (analyzed.tokens[next] && ["ADV", "AUX"].includes(analyzed.tokens[next].pos)) next++;
    const token = analyzed.tokens[next];
    return Boolean(token && token.pos === "VERB" && speechLemmas.has(token.lemma));
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
  let cursor = 0;
  for (const token of analyzed.tokens) {
    if (!PRONOUNS.has(token.normal) || insideAny(token.start, quotes)) continue;
    while (cursor < mentions.length && mentions[cursor].start < token.start) add(mentions[cursor++]);
    const here = sentenceOf(token.index);
    let referent: number | null = null;
    for (let s = here; s >= Math.max(0, here - 4) && referent === null; s--) {
      const sentence = analyzed.sentences[s];
      const inSentence = (resultBySentence.get(s) ?? []).filter(
        (m) => isPerson(m.actor) && m.firstToken >= sentence.firstToken && m.lastToken <= sentence.lastToken && m.start < token.start,
      );
      if (inSentence.length === 0) continue;
      const subject =
        (s < here ? inSentence.filter(speaks).at(-1) : undefined) ??
        inSentence.find((m) => !m.oblique && m.via !== "pronoun") ??
        inSentence.find((m) => !m.oblique) ??
        inSentence[inSentence.length - 1];
      referent = subject.actor;
    }
    if (referent === null) continue;
    add({
      start: token.start,
      end: token.end,
      firstToken: token.index,
      lastToken: token.index,
      actor: referent,
      via: "pronoun",
      oblique: Boolean(analyzed.tokens[token.index - 1] && PREPOSITIONS.has(analyzed.tokens[token.index - 1].normal)),
    });
  }
  while (cursor < mentions.length) result.push(mentions[cursor++]);
  return result;
}
