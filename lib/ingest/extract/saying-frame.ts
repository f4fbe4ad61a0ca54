// The reporter's words that may score a statement: how the speaker spoke ("warned", "accused")
// and what they were asked ("asked whether the army would intervene"), never the narration's
// topic words around them ("vowed to meet the threat", "an escalation", "at a summit in …").
import type { Token } from "../nlp";
import type { Span } from "../features";
import { firstEndingAfter, firstStartingAtOrAfter } from "./positions";
import { SPEECH_VERBS, type SpeechEvent } from "./speech-events";

/** Words that open the question a speaker answers: "asked whether", "when pressed on", "questioned about". */
const QUESTION_WORDS = new Set(["asked", "asking", "pressed", "questioned", "question", "questions"]);

/** The tokens lying within `span`, as [first, last] indices (last < first when none). */
function tokensWithin(tokens: Token[], span: Span): [number, number] {
  return [firstStartingAtOrAfter(tokens, span.start), firstEndingAfter(tokens, span.end) - 1];
}

/**
 * The parts of `frame` that say how the words were spoken or what was asked: each verb of saying
 * in it (the attribution's, and participles like "…, accusing"), the words from the attribution's
 * verb up to the speaker's words ("suggested military action “sounds good”"), and a question from
 * its opening word to the end of its frame span or to the attribution's verb.
 */
export function sayingFrame(tokens: Token[], frame: Span[], words: Span, event: SpeechEvent | null): Span[] {
  const kept: Span[] = [];
  const verb = event ? tokens[event.verb] : undefined;
  if (verb) kept.push({ start: verb.start, end: verb.end <= words.start ? words.start : verb.end });
  for (const span of frame) {
    const [first, last] = tokensWithin(tokens, span);
    for (let i = first; i <= last; i++) {
      const token = tokens[i];
      if (QUESTION_WORDS.has(token.normal)) {
        const end = verb && verb.start > token.start && verb.start <= span.end ? verb.start : span.end;
        kept.push({ start: token.start, end });
        while (i < last && tokens[i + 1].end <= end) i++;
      } else if (token.pos === "VERB" && SPEECH_VERBS.has(token.lemma)) {
        kept.push({ start: token.start, end: token.end });
      }
    }
  }
  return kept;
}
