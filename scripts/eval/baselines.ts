// The two baselines every tone figure stands beside: a sentiment lexicon read alone, on the same words.
import { vaderSentiment } from "../../lib/ingest/vader";
import { lexiconSentiment } from "../../lib/ingest/nlp";

/**
 * Both give −1…+1; times 10 they sit on the product's −10…+10, so that the same intensity bands
 * (strong from 3, mild from 1.5) apply to all three without fitting anything to the gold.
 */
export const WINK_SCALE = 10;
export const VADER_SCALE = 10;

export function winkScore(words: string): number {
  return lexiconSentiment(words) * WINK_SCALE;
}

export function vaderScore(words: string): number {
  return vaderSentiment(words) * VADER_SCALE;
}
