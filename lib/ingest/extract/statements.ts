import { analyzeText } from "../nlp";
import { findActors } from "./actors";
import { ArticleText, layoutParagraphs, markVerblessParagraphs } from "./article-text";
import { MentionIndex } from "./mention-index";
import { lastOpeningParagraph, occasionOf, ProseDates, proseDateMentions } from "./prose-dates";
import type { DateMention } from "../dates";
import { quotedStatements } from "./quoted-speech";
import { accordingToStatements } from "./according-to";
import { listedStatements } from "./listed-speech";
import { findQuotes } from "./quotes";
import type { Reading } from "./reading";
import type { ExtractedStatement } from "./report";
import { reportedStatements } from "./reported-speech";
import { SPEECH_VERBS, SpeechEvents } from "./speech-events";
import { mainCountries } from "./target";

/** The reports of an article, quoted and reported, in text order; their features are the batch's to work out. */
export function extractStatements(paragraphs: string[]): ExtractedStatement[] {
  const reading = readArticle(paragraphs);
  if (!reading) return [];
  const { statements, quoting } = quotedStatements(reading);
  // Joined, not spread into push: a long article's reports are more than a call takes arguments.
  return statements.concat(reportedStatements(reading, quoting), listedStatements(reading, quoting), accordingToStatements(reading)).sort((a, b) => a.offset - b.offset);
}

/** The article analyzed, its quotations, actors, prose dates and verbs of saying found; null when it is blank. */
function readArticle(paragraphs: string[]): Reading | null {
  const { text, layout } = layoutParagraphs(paragraphs);
  if (!text.trim()) return null;
  const analyzed = analyzeText(text);
  markVerblessParagraphs(layout, text, analyzed.tokens);
  const quotes = findQuotes(text);
  const actors = findActors(analyzed, quotes, SPEECH_VERBS);
  const article = new ArticleText(analyzed, layout, quotes);
  const dates = new ProseDates(proseDateMentions(text, layout, quotes), analyzed.tokens);
  const mentions = new MentionIndex(actors.mentions, analyzed.sentences);
  const events = new SpeechEvents(article, actors, mentions, dates);
  const occasion = openingSpeechDay(article, events) ?? occasionOf(analyzed, layout, quotes);
  return { article, actors, mentions, dates, events, occasion, dyad: mainCountries(actors) };
}

/** A day, not a week or a month. */
const DAY_KINDS = new Set(["day", "weekday", "relativeDay", "dayOfMonth"]);

/**
 * The day the opening ties to a verb of saying ("X on Wednesday said", "on Thursday, December 14, X
 * said"): the occasion of the report, outranking a background day named before it ("a day after
 * the clash on Monday night").
 */
function openingSpeechDay(article: ArticleText, events: SpeechEvents): DateMention | null {
  const opening = lastOpeningParagraph(article.paragraphs);
  for (const event of events.all) {
    if (event.paragraph > opening) break;
    const day = event.dates.find((d) => DAY_KINDS.has(d.expr.kind));
    // A copy: the words of that verb are dated by their own phrase, the others by the occasion.
    if (day) return { ...day };
  }
  return null;
}
