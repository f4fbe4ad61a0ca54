import type { DateMention } from "../dates";
import type { Reading } from "./reading";
import type { ExtractedStatement } from "./report";
import type { SpeechEvent } from "./speech-events";

/**
 * The date phrase this article ties to an utterance of `actor`; never the article's own date.
 * `inherited` is the report a continuing quote carries on from.
 */
export function dateFor(
  reading: Reading,
  actor: number,
  event: SpeechEvent | null,
  inherited: ExtractedStatement | null,
  opensWithQuote: boolean,
): DateMention | null {
  if (event && event.dates.length) return event.dates[0];
  if (inherited?.dateExpr) return { start: -1, end: -1, text: inherited.dateText ?? "", expr: inherited.dateExpr };
  if (!event) return null;
  const { article, events } = reading;
  // A verb coordinated with a dated one shares its date ("described … on Sunday and suggested …").
  const sibling = events.inSentence(event.sentence).find((e) => e.verb < event.verb && e.actor === actor && e.dates.length);
  if (sibling) return sibling.dates[0];
  // A fronted time phrase ("Over the past weekend, …") sets the time for the rest of its paragraph,
  // unless someone else speaks in between.
  const sentences = article.analyzed.sentences;
  for (let s = event.sentence - 1; s >= 0; s--) {
    if (article.paragraphOf(sentences[s].start) !== event.paragraph) break;
    if (events.inSentence(s).some((e) => e.actor !== null && e.actor !== actor)) break;
    const fronted = reading.dates.startingNear(sentences[s].start, 12);
    if (fronted) return fronted;
  }
  // A paragraph that opens with the quote continues the same speaker's dated speech in the paragraphs
  // just before it ("Moreau said Wednesday…" … "“…,” Moreau wrote.").
  if (!opensWithQuote) return null;
  for (let p = article.previousProse(event.paragraph), hops = 0; p >= 0 && hops < 3; p = article.previousProse(p), hops++) {
    const inParagraph = events.inParagraph(p).filter((e) => e.actor !== null);
    const dated = inParagraph.filter((e) => e.actor === actor && e.dates.length).at(-1);
    if (dated) return dated.dates[0];
    if (inParagraph.some((e) => e.actor !== actor)) return null;
  }
  return null;
}
