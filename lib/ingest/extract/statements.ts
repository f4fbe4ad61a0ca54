import { analyzeText } from "../nlp";
import { findActors } from "./actors";
import { ArticleText, layoutParagraphs } from "./article-text";
import { MentionIndex } from "./mention-index";
import { occasionOf, ProseDates, proseDateMentions } from "./prose-dates";
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
  statements.push(...reportedStatements(reading, quoting), ...listedStatements(reading, quoting), ...accordingToStatements(reading));
  return statements.sort((a, b) => a.offset - b.offset);
}

/** The article analyzed, its quotations, actors, prose dates and verbs of saying found; null when it is blank. */
function readArticle(paragraphs: string[]): Reading | null {
  const { text, layout } = layoutParagraphs(paragraphs);
  if (!text.trim()) return null;
  const analyzed = analyzeText(text);
  const quotes = findQuotes(text);
  const actors = findActors(analyzed, quotes, SPEECH_VERBS);
  const article = new ArticleText(analyzed, layout, quotes);
  const dates = new ProseDates(proseDateMentions(text, layout, quotes), analyzed.tokens);
  const mentions = new MentionIndex(actors.mentions, analyzed.sentences);
  const events = new SpeechEvents(article, actors, mentions, dates);
  return { article, actors, mentions, dates, events, occasion: occasionOf(text, layout, quotes), dyad: mainCountries(actors) };
}
