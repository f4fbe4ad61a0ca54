import type { Span } from "../features";
import { collapse } from "../input";
import type { Actor } from "./actors";
import { Attributions, attribute } from "./attribution";
import { dateFor } from "./dating";
import type { QuoteSpan } from "./quotes";
import type { Reading } from "./reading";
import { reportOf, type ExtractedStatement } from "./report";
import { clauseAroundQuote, leadingClauseAroundQuote } from "./reported-speech";
import { saysNothing, type SpeechEvent } from "./speech-events";

/**
 * The reports quoted in the article's prose, and the speech events that introduce them (their
 * speakers' other words are not reported speech).
 */
export function quotedStatements(reading: Reading): { statements: ExtractedStatement[]; quoting: Set<SpeechEvent | null> } {
  const { article } = reading;
  const statements: ExtractedStatement[] = [];
  const attributions = new Attributions();
  // Quotes that ran to the end of their paragraphs, each going on in the next, none attributed yet.
  let runningOn: QuoteSpan[] = [];
  for (const quote of article.quotes) {
    if (!article.isProse(article.paragraphOf(quote.start))) continue;
    const attribution = attribute(reading, quote, attributions);
    const goesOn = runningOn.length > 0 && continuesFrom(article, runningOn[runningOn.length - 1], quote);
    if (!attribution) {
      if (!goesOn) appendAll(statements, attributedToLead(reading, runningOn, attributions));
      const runsToEnd = runsToParagraphEnd(article, quote);
      if (!runsToEnd) runningOn = [];
      else if (goesOn) runningOn.push(quote);
      else runningOn = [quote];
      continue;
    }
    if (!goesOn) appendAll(statements, attributedToLead(reading, runningOn, attributions));
    const actor = reading.actors.actors[attribution.actor];
    // A quote over several paragraphs is attributed once, usually after its last closing mark.
    if (goesOn && attribution.event) {
      for (const earlier of runningOn) {
        const produced = statementsFor(reading, earlier, actor, attribution.event, null, attribution.frame);
        attributions.add(earlier, { actor: attribution.actor, event: attribution.event, results: produced });
        appendAll(statements, produced);
      }
    }
    runningOn = [];
    const produced = statementsFor(reading, quote, actor, attribution.event, attribution.inheritedDate, attribution.frame);
    attributions.add(quote, { actor: attribution.actor, event: attribution.event, results: produced });
    appendAll(statements, produced);
  }
  appendAll(statements, attributedToLead(reading, runningOn, attributions));
  return { statements, quoting: attributions.events() };
}

/** Adds `items` to `list` one by one: a quotation's reports may be more than a call takes arguments. */
function appendAll<T>(list: T[], items: T[]): void {
  for (const item of items) list.push(item);
}

/**
 * Whole paragraphs of quotation that no attribution follows, right after a paragraph whose last
 * sentence has someone say something ("Ruiz on Wednesday said the valley belongs to Peru." then
 * "“The sovereignty of …”"): that speaker's words, on that occasion.
 */
function attributedToLead(reading: Reading, quotes: QuoteSpan[], attributions: Attributions): ExtractedStatement[] {
  const { article, events } = reading;
  const first = quotes[0];
  if (!first || !article.opensParagraph(first)) return [];
  const lead = article.previousProse(article.paragraphOf(first.start));
  if (lead < 0) return [];
  const lastSentence = article.sentenceOf(article.paragraphs[lead].end - 1);
  const event = events.inParagraph(lead).filter((e) => e.actor !== null && e.sentence === lastSentence).at(-1);
  if (!event || event.actor === null || saysNothing(reading.article.analyzed.tokens, event)) return [];
  const actor = reading.actors.actors[event.actor];
  const frame = { start: article.analyzed.sentences[event.sentence].start, end: first.end };
  return quotes.flatMap((quote) => {
    const produced = statementsFor(reading, quote, actor, event, null, frame);
    attributions.add(quote, { actor: event.actor!, event, results: produced });
    return produced;
  });
}

/** Only white space and closing punctuation after the quote in its paragraph. */
function runsToParagraphEnd(article: Reading["article"], quote: QuoteSpan): boolean {
  const paragraph = article.paragraphs[article.paragraphOf(quote.start)];
  return quote.open || /^["”»]?\s*$/.test(article.text.slice(quote.end, paragraph.end));
}

/** `next` opens the prose paragraph right after the one where `earlier` ran to its end. */
function continuesFrom(article: Reading["article"], earlier: QuoteSpan, next: QuoteSpan): boolean {
  const paragraph = article.paragraphOf(next.start);
  return article.opensParagraph(next) && article.previousProse(paragraph) === article.paragraphOf(earlier.start);
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
  // "said it was “absolutely unacceptable” that …": the reported clause around a partial quotation.
  const before = event !== null && article.analyzed.tokens[event.verb].start < quote.start;
  const clause = event ? (before ? clauseAroundQuote(reading, event, quote) : leadingClauseAroundQuote(reading, event, quote)) : null;
  if (clause) return [reportOf(reading, actor, clause, article.gapsBetweenQuotes({ start: frameWindow.start, end: clause.start }), event, date, context)];
  const results: ExtractedStatement[] = [];
  for (const piece of article.quoteSentences(quote)) results.push(reportOf(reading, actor, piece, frame, event, date, context));
  return results;
}
