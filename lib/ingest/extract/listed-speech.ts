import { collapse, LIST_ITEM_MARK } from "../input";
import { dateFor } from "./dating";
import type { Reading } from "./reading";
import { reportOf, type ExtractedStatement } from "./report";
import type { SpeechEvent } from "./speech-events";

/**
 * Reported speech set out as a list: "The ministry described the move as an attack, saying it
 * would now:" followed by a line for each measure. Each line is the speaker's, dated and framed as
 * the sentence that introduces the list. `quoting`: speech events whose quote is their statement.
 */
export function listedStatements(reading: Reading, quoting: Set<SpeechEvent | null>): ExtractedStatement[] {
  const { article } = reading;
  const results: ExtractedStatement[] = [];
  for (const event of reading.events.all) {
    if (quoting.has(event) || event.actor === null) continue;
    const sentence = article.analyzed.sentences[event.sentence];
    const paragraph = article.paragraphs[event.paragraph];
    // The introducing sentence ends its paragraph on a colon.
    if (!article.text.slice(sentence.start, paragraph.end).trimEnd().endsWith(":") || sentence.end < paragraph.end - 1) continue;
    const actor = reading.actors.actors[event.actor];
    const date = dateFor(reading, { actor: event.actor, event, inherited: null, opensWithQuote: false });
    const frame = collapse(article.text.slice(sentence.start, sentence.end));
    for (let p = event.paragraph + 1; p < article.paragraphs.length; p++) {
      const item = article.paragraphs[p];
      const mark = LIST_ITEM_MARK.exec(article.text.slice(item.start, item.end));
      if (!mark) break;
      const piece = { start: item.start + mark[0].length, end: item.start + article.text.slice(item.start, item.end).trimEnd().length };
      if (piece.end <= piece.start) continue;
      results.push(reportOf(reading, actor, piece, [{ start: sentence.start, end: sentence.end }], event, date, `${frame} ${collapse(article.text.slice(piece.start, piece.end))}`));
    }
  }
  return results;
}
