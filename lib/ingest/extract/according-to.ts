import { collapse } from "../input";
import type { Token } from "../nlp";
import { dateFor } from "./dating";
import type { Reading } from "./reading";
import { reportOf, type ExtractedStatement } from "./report";

/** Words of title and country that may stand between "according to" and the name. */
const INTRODUCTION_WORDS = 6;
/** Fewer words than this are a fragment, not a report. */
const MIN_WORDS = 4;

/**
 * Reported speech attributed with "according to": "The tone is becoming hysterical, according to
 * the prime minister." and "According to him, the next talks are scheduled." The clause on the
 * other side of the attribution's comma is the speaker's. No verb of saying: the day is the one
 * its sentence or the article's occasion gives.
 */
export function accordingToStatements(reading: Reading): ExtractedStatement[] {
  const { article } = reading;
  const tokens = article.analyzed.tokens;
  const results: ExtractedStatement[] = [];
  article.analyzed.sentences.forEach((sentence, sentenceIndex) => {
    if (!article.isProse(article.paragraphOf(sentence.start))) return;
    for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
      if (tokens[i].normal !== "according" || tokens[i + 1].normal !== "to") continue;
      // The attributed: the first mention after "to", its title and country before it ("according to Swedish Foreign Minister Karin Lund").
      const mention = reading.mentions.inSentence(sentenceIndex).find((m) => m.firstToken >= i + 2 && m.firstToken <= i + 2 + INTRODUCTION_WORDS && !tokens.slice(i + 2, m.firstToken).some((t) => t.pos === "PUNCT"));
      if (!mention) continue;
      const piece = i === sentence.firstToken ? clauseAfter(tokens, mention.lastToken, sentence.lastToken) : clauseBefore(tokens, sentence.firstToken, i, mention.lastToken, sentence.lastToken);
      if (!piece || article.quoteOverlaps(piece.start, piece.end)) continue;
      const actor = reading.actors.actors[mention.actor];
      const date = dateFor(reading, { actor: mention.actor, event: null, inherited: null, opensWithQuote: false });
      results.push(reportOf(reading, actor, piece, [{ start: sentence.start, end: sentence.end }], null, date, collapse(article.text.slice(sentence.start, sentence.end))));
    }
  });
  return results;
}

/** "According to X, <clause>.": from the comma after the attribution to the sentence's end. */
function clauseAfter(tokens: Token[], attributionEnd: number, last: number): { start: number; end: number } | null {
  if (tokens[attributionEnd + 1]?.text !== ",") return null;
  let end = last;
  while (end > attributionEnd && tokens[end].pos === "PUNCT") end--;
  return end - attributionEnd - 1 >= MIN_WORDS ? { start: tokens[attributionEnd + 2].start, end: tokens[end].end } : null;
}

/**
 * "<clause>, according to X.": from the sentence's start to the comma before. X ends the sentence,
 * or a comma closes the attribution ("…, according to the king, because closing them …").
 */
function clauseBefore(tokens: Token[], first: number, according: number, attributionEnd: number, last: number): { start: number; end: number } | null {
  const closed = tokens[attributionEnd + 1]?.text === "," || tokens.slice(attributionEnd + 1, last + 1).every((t) => t.pos === "PUNCT");
  if (tokens[according - 1]?.text !== "," || !closed) return null;
  const end = according - 2;
  return end - first + 1 >= MIN_WORDS ? { start: tokens[first].start, end: tokens[end].end } : null;
}
