// VADER's sentiment of a text (its compound score, in [-1, 1]): a rule-based lexicon with its own
// negation, booster and "but" heuristics, read beside wink-nlp's in the lexicon feature.
import vader from "vader-sentiment";
import { memoized } from "../core/memo";

/** VADER's compound sentiment of a text, in [-1, 1]; outlets quote the same words, so it is remembered. */
export const vaderSentiment = memoized((text: string): number => (text.trim() ? vader.SentimentIntensityAnalyzer.polarity_scores(text).compound : 0));
