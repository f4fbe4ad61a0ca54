import type { Span } from "../features";
import { collapse } from "../input";
import type { Actor } from "./actors";
import { Attributions, attribute } from "./attribution";
import { dateFor } from "./dating";
import type { QuoteSpan } from "./quotes";
import type { Reading } from "./reading";
import { reportOf, type ExtractedStatement } from "./report";
import type { SpeechEvent } from "./speech-events";

/**
 * The reports quoted in the article's prose, and the speech events that introduce them (their
 * speakers' other words are not reported speech).
 */
export function quotedStatements(reading: Reading): { statements: ExtractedStatement[]; quoting: Set<SpeechEvent | null> } {
  const { article } = reading;
  const statements: ExtractedStatement[] = [];
  const attributions = new Attributions();
  for (const quote of article.quotes) {
    if (!article.isProse(article.paragraphOf(quote.start))) continue;
    const attribution = attribute(reading, quote, attributions);
    if (!attribution) continue;
    const actor = reading.actors.actors[attribution.actor];
    const produced = statementsFor(reading, quote, actor, attribution.event, attribution.inheritedDate, attribution.frame);
    attributions.add(quote, { actor: attribution.actor, event: attribution.event, results: produced });
    statements.push(...produced);
  }
  return { statements, quoting: attributions.events() };
}

/** A report for each sentence of the quote, dated and framed alike. */
function statementsFor(
  reading: Reading,
  quote: QuoteSpan,
  actor: Actor,
  event: SpeechEvent | null,
  inherited: ExtractedStatement | null,
  frameWindow: Span,
): ExtractedStatement[] {
  const { article } = reading;
  const sentences = article.analyzed.sentences;
  const date = dateFor(reading, { actor: actor.id, event, inherited, opensWithQuote: article.opensParagraph(quote) });
  const frame = article.gapsBetweenQuotes(frameWindow);
  const contextStart = sentences[article.sentenceOf(Math.min(frameWindow.start, quote.start - 1))]?.start ?? frameWindow.start;
  const contextEnd = sentences[article.sentenceOf(Math.max(quote.start, quote.end - 1))]?.end ?? frameWindow.end;
  const context = collapse(article.text.slice(Math.min(contextStart, frameWindow.start), Math.max(contextEnd, frameWindow.end)));
  const results: ExtractedStatement[] = [];
  for (const piece of article.quoteSentences(quote)) results.push(reportOf(reading, actor, piece, frame, event, date, context));
  return results;
}
