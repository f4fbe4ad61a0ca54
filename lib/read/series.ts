// The tension index over time: the shapes of the aggregated series and the pure helpers its
// queries use (lib/read/series-query.ts, point-quotes.ts). Safe for client components.
import { daysBetween } from "../core/days";
import type { Resolution } from "./filters";
import type { ISODate, Label } from "../core/types";

/** One data point: one series' statements of one period (a day, week or month). */
export interface SeriesPoint {
  /** The period's first day. */
  date: ISODate;
  /** Series key: the speaker key, or "country>target" for a dyad. */
  series: string;
  /** Speaker name (speaker series) or null (dyad series). */
  speaker: string | null;
  speakerCountry: string | null;
  target: string | null;
  /** Mean score of that day's statements, -10 … +10. */
  index: number;
  statements: number;
  min: number;
  max: number;
}

export interface SeriesInfo {
  key: string;
  /** What the legend shows: the speaker's name or "A → B". */
  label: string;
  statements: number;
  /** How many points the series has (days, weeks or months, as charted); the name predates resolutions. */
  days: number;
}

/** A statement singled out on the chart (extremes, tooltip quotes). */
export interface PointQuote {
  id: string;
  series: string;
  date: ISODate;
  score: number;
  label: Label;
  text: string;
  /** A few words for the chart: the words the strongest rule matched, or the quote's start. */
  short: string;
}

/** A statement of a series' extreme point that could label it on the chart (lib/view/annotations.ts). */
export interface AnnotationCandidate extends PointQuote {
  /** Every report of the statement. */
  sources: number;
  /** Reports giving the speaker's own words in quotation marks. */
  directSources: number;
}

/**
 * Rounds for display and export; the database keeps full precision. A mean summed in another order
 * (a rollup's sums against the statements' average) differs in its last binary digits, so the
 * value is first cut to a millionth: a mean of hundredths ending in a half hundredth rounds the
 * same way whichever sum it came from. "+ 0" makes a small negative mean's −0 a plain 0, as the
 * database gives it.
 */
export function round2(n: number): number {
  return Math.round(Math.round(n * 1e6) / 1e4) / 100 + 0;
}

/** Text in code-unit order, the same in every locale (unlike localeCompare). */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Longest span, in days, that "auto" charts day by day (about six months: at most 184 points). */
export const AUTO_DAILY_MAX_DAYS = 184;
/** Longest span that "auto" charts week by week (three years: at most 158 points); months beyond. */
export const AUTO_WEEKLY_MAX_DAYS = 1096;

/** The resolution that keeps the chart readable over first…last (inclusive). */
export function autoResolution(first: ISODate | null, last: ISODate | null): Resolution {
  if (!first || !last) return "day";
  const days = daysBetween(first, last) + 1;
  return days <= AUTO_DAILY_MAX_DAYS ? "day" : days <= AUTO_WEEKLY_MAX_DAYS ? "week" : "month";
}

/** A few words standing for a statement on the chart. */
export function shortQuote(text: string, evidence: string | null, maxWords = 5): string {
  const fromEvidence = evidence?.split(" + ")[0]?.trim();
  if (fromEvidence) return fromEvidence;
  const words = text.replace(/^[\s"“‘']+|[\s"”’'.,;:!?]+$/g, "").split(/\s+/);
  return words.length <= maxWords ? words.join(" ") : `${words.slice(0, maxWords).join(" ")}…`;
}
