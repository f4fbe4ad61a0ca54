// Shared shapes of the one-way data flow:
// article → statements (speaker, target, date, sources) → features → score → store → aggregate.

/** Calendar day as YYYY-MM-DD. */
export type ISODate = string;

/** Inclusive day range; a single known day has from === to. */
export interface DateRange {
  from: ISODate;
  to: ISODate;
}

/** Where an article's publication date came from. */
export type PublishedFrom = "front-matter" | "dateline" | "text" | "batch" | "cli" | "unknown";

/** An input file after validation and front-matter parsing, before any NLP. */
export interface ParsedArticle {
  path: string;
  /** sha256 of the normalized text: the article's identity in the store. */
  contentHash: string;
  title: string;
  source: string | null;
  url: string | null;
  published: ISODate | null;
  publishedFrom: PublishedFrom;
  /** A dateline's month and day when it gives no year; the batch may supply the year. */
  datelineDay?: { month: number; day: number } | null;
  /** Body paragraphs in order; the headline is not among them. */
  paragraphs: string[];
}

/** One feature's share of a score: points = value × weight. */
export interface Contribution {
  feature: string;
  value: number;
  weight: number;
  points: number;
}

/** Why a rule fired: stored so that a reader can see where the points came from. */
export interface RuleHit {
  rule: string;
  /** 1 for a plain hit, scaled by modifiers (negation flips the sign, hedges and conditionals damp it). */
  value: number;
  /** The words that matched. */
  evidence: string;
  /** Names of the modifiers applied, e.g. "negated", "hedged", "conditional". */
  modifiers: string[];
}

/** Computed once at ingest; the score is a pure function of these and a weight set. */
export interface Features {
  /** The more hostile of wink-nlp's and VADER's sentiment of the quoted words, spread over [-1, 1] (lib/ingest/features.ts lexiconFeature). */
  lexicon: number;
  hits: RuleHit[];
}

export interface WeightSet {
  lexicon: number;
  rules: Record<string, number>;
  thresholds: { hostile: number; conciliatory: number };
}

export type Label = "hostile" | "neutral" | "conciliatory";

export interface Score {
  score: number;
  label: Label;
  /** CAMEO root code of the rule contributing most points, null when no rule fired. */
  cameo: string | null;
  contributions: Contribution[];
}

/** One report of an utterance in one article. */
export interface StatementSource {
  path: string;
  articleHash: string;
  quote: string;
  /** The framing sentence as printed in that article. */
  context: string;
  /** Day range this article gives for the utterance, null when it gives none. */
  dateRange: DateRange | null;
  /**
   * The day is the article's occasion's, not one tied to these words: a batch lets such a report
   * join the same words dated elsewhere (see mergeAll). Not stored.
   */
  dateFromOccasion?: boolean;
  /** The article's publication day: an undated report was said on or before it. */
  published: ISODate | null;
  /** The quote is the speaker's words in quotation marks (false: reported speech); null when not recorded (stored before it was). */
  direct: boolean | null;
}

/** An utterance by one speaker, possibly reported by several articles. */
export interface Statement {
  /** Stable identity: derived from speaker and the utterance's normalized words. */
  id: string;
  text: string;
  speaker: string | null;
  speakerCountry: string | null;
  target: string | null;
  /** The day it was said when known to the day. */
  date: ISODate | null;
  /** The narrowest consistent range the sources give (may span several days). */
  dateRange: DateRange | null;
  context: string;
  sources: StatementSource[];
  features: Features;
}

export interface ScoredStatement extends Statement, Score {}
