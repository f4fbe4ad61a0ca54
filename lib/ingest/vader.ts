// VADER's sentiment of a text (its compound score, in [-1, 1]): a rule-based lexicon with its own
// negation, booster and "but" heuristics, read beside wink-nlp's in the lexicon feature.
import vader from "vader-sentiment";
import { memoized } from "../core/memo";

/**
 * Longer texts are read as their first this many characters: VADER's compound saturates long
 * before, and its tokenizer builds a table of every word with every punctuation mark, so its
 * memory grows with the text's length.
 */
const VADER_MAX_CHARS = 2000;

/** VADER's compound sentiment of a text, in [-1, 1]; outlets quote the same words, so it is remembered. */
export const vaderSentiment = memoized((text: string): number =>
  text.trim() ? vader.SentimentIntensityAnalyzer.polarity_scores(text.slice(0, VADER_MAX_CHARS)).compound : 0,
);
