// Runs the real pipeline over each episode's reports, as one batch, and sets its statements beside
// the gold: one row a gold statement, then the figures of a split.
import { VADER_SCALE, WINK_SCALE, vaderScore, winkScore } from "./baselines";
import type { Episode, GoldStatement, SplitName, Swing } from "./corpus";
import { countFigure, figure, MILD, toneFigures, toneOfGold, toneOfScore, type Figure, type ToneFigures } from "./figures";
import { findStatement, sameCountry, sameSpeaker, sentenceHolding, spokenWords } from "./match";
import { addDays } from "../../lib/core/days";
import { parseArticle } from "../../lib/ingest/input";
import { analyzeBatch } from "../../lib/ingest/batch";
import { defaultWeights } from "../../lib/score";
import type { ScoredStatement } from "../../lib/core/types";
import { scoreStatements } from "../../lib/score";

export interface Row {
  episode: string;
  gold: GoldStatement;
  statement: ScoredStatement | null;
  /** The gold's words as printed (the quotation or sentence holding the key). */
  words: string;
  /** The report's sentence holding the key. */
  sentence: string;
  speaker: boolean;
  speakerCountry: boolean;
  target: boolean;
  dayExact: boolean;
  datedWrongly: boolean;
  tone: boolean;
  baselines: { wink: number; vader: number };
}

export interface EpisodeResult {
  episode: Episode;
  rows: Row[];
  statements: ScoredStatement[];
  swings: { swing: Swing; shown: boolean }[];
  /** The product's statements that no gold row matched. */
  unmatched: ScoredStatement[];
}

/** The statement's single day is one the gold gives (counted only where the text gives one). */
export function isDayExact(statement: ScoredStatement, gold: GoldStatement): boolean {
  return gold.days !== null && statement.date !== null && gold.days.includes(statement.date);
}

/**
 * The days the gold admits: its days, or, where the text gives none, the day before each listed
 * report's publication through that day (what an undated statement may be stored as).
 */
export function admittedDays(gold: GoldStatement, published: (string | null)[]): string[] {
  if (gold.days) return gold.days;
  return published.filter((day): day is string => day !== null).flatMap((day) => [addDays(day, -1), day]);
}

/** A day, or a range, given that holds none of the days the gold admits. */
export function isDatedWrongly(statement: ScoredStatement, admitted: string[]): boolean {
  if (statement.date !== null) return !admitted.includes(statement.date);
  const range = statement.dateRange;
  return range !== null && !admitted.some((day) => day >= range.from && day <= range.to);
}

/** The publication days of the reports a gold row lists. */
function publishedOf(episode: Episode, gold: GoldStatement): (string | null)[] {
  return gold.reports.map((file) => {
    const report = episode.reports.find((r) => r.path === file)!;
    return parseArticle(report.path, report.bytes).published;
  });
}

/** The gold's words and their sentence, from the first report it lists that prints the key. */
function wordsOf(episode: Episode, gold: GoldStatement): { words: string; sentence: string } {
  for (const file of gold.reports) {
    const report = episode.reports.find((r) => r.path === file)!;
    const article = parseArticle(report.path, report.bytes);
    const paragraphs = [article.title, ...article.paragraphs];
    const words = spokenWords(paragraphs, gold.key);
    if (words) return { words, sentence: sentenceHolding(paragraphs, gold.key)! };
  }
  return { words: gold.key, sentence: gold.key };
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** A swing is shown when the speaker's dated statements average hostile on its hostile days and conciliatory on the others. */
function isSwingShown(swing: Swing, statements: ScoredStatement[], gold: GoldStatement[]): boolean {
  const aliases = gold.filter((g) => g.speaker === swing.speaker).flatMap((g) => g.speakerAliases ?? []);
  const own = statements.filter((s) => sameSpeaker(s.speaker, { speaker: swing.speaker, speakerAliases: aliases }));
  const onDays = (days: string[]) => mean(own.filter((s) => s.date !== null && days.includes(s.date)).map((s) => s.score));
  const hostile = onDays(swing.hostileDays);
  const conciliatory = onDays(swing.conciliatoryDays);
  return hostile !== null && conciliatory !== null && hostile <= -MILD && conciliatory >= MILD;
}

export function evaluateEpisode(episode: Episode): EpisodeResult {
  const batch = analyzeBatch(episode.reports);
  const statements = scoreStatements(batch.statements, defaultWeights());
  const rows = episode.gold.statements.map((gold): Row => {
    const statement = findStatement(statements, gold);
    const { words, sentence } = wordsOf(episode, gold);
    return {
      episode: episode.name,
      gold,
      statement,
      words,
      sentence,
      speaker: statement !== null && sameSpeaker(statement.speaker, gold),
      speakerCountry: statement !== null && sameCountry(statement.speakerCountry, gold.speakerCountry),
      target: statement !== null && sameCountry(statement.target, gold.target),
      dayExact: statement !== null && isDayExact(statement, gold),
      datedWrongly: statement !== null && isDatedWrongly(statement, admittedDays(gold, publishedOf(episode, gold))),
      tone: statement !== null && toneOfScore(statement.score) === toneOfGold(gold),
      baselines: { wink: winkScore(words), vader: vaderScore(words) },
    };
  });
  const matched = new Set(rows.map((r) => r.statement).filter((s) => s !== null));
  return {
    episode,
    rows,
    statements,
    swings: episode.gold.swings.map((swing) => ({ swing, shown: isSwingShown(swing, statements, episode.gold.statements) })),
    unmatched: statements.filter((s) => !matched.has(s)),
  };
}

export interface SplitFigures {
  episodes: number;
  articles: number;
  gold: number;
  found: Figure;
  speaker: Figure;
  speakerCountry: Figure;
  target: Figure;
  dayExact: Figure;
  datedWrongly: Figure;
  toneSign: Figure;
  toneIntensity: Figure;
  label: Figure;
  swings: Figure;
  /** Statements the product found that no gold row names (not officials, or not statements). */
  notInGold: number;
}

export interface BaselineFigures {
  /** On the gold rows the product found: the same quotes as the product's tone figures. */
  found: ToneFigures;
  /** On every gold row. */
  all: ToneFigures;
}

export function splitFigures(results: EpisodeResult[]): SplitFigures {
  const rows = results.flatMap((r) => r.rows);
  const found = rows.filter((r) => r.statement !== null);
  const swings = results.flatMap((r) => r.swings);
  const tone = toneFigures(found.map((r) => ({ gold: r.gold, score: r.statement!.score })));
  return {
    episodes: results.length,
    articles: results.reduce((sum, r) => sum + r.episode.reports.length, 0),
    gold: rows.length,
    found: figure(found.length, rows.length),
    speaker: countFigure(found, (r) => r.speaker),
    speakerCountry: countFigure(found, (r) => r.speakerCountry),
    target: countFigure(found, (r) => r.target),
    dayExact: countFigure(found, (r) => r.dayExact, (r) => r.gold.days !== null),
    datedWrongly: countFigure(found, (r) => r.datedWrongly),
    ...tone,
    swings: countFigure(swings, (s) => s.shown),
    notInGold: results.reduce((sum, r) => sum + r.unmatched.length, 0),
  };
}

export function baselineFigures(results: EpisodeResult[]): { wink: BaselineFigures; vader: BaselineFigures } {
  const rows = results.flatMap((r) => r.rows);
  const of = (scorer: "wink" | "vader", kept: Row[]) => toneFigures(kept.map((r) => ({ gold: r.gold, score: r.baselines[scorer] })));
  const found = rows.filter((r) => r.statement !== null);
  return {
    wink: { found: of("wink", found), all: of("wink", rows) },
    vader: { found: of("vader", found), all: of("vader", rows) },
  };
}

export interface EvalReport {
  splits: Partial<Record<SplitName, SplitFigures>>;
  baselines: Partial<Record<SplitName, { wink: BaselineFigures; vader: BaselineFigures }>>;
  /** How a baseline's −1…+1 becomes the product's −10…+10. */
  baselineScale: { wink: number; vader: number };
  articles: number;
  episodes: number;
  gold: number;
}

export function evalReport(bySplit: Partial<Record<SplitName, EpisodeResult[]>>): EvalReport {
  const splits: EvalReport["splits"] = {};
  const baselines: EvalReport["baselines"] = {};
  for (const [split, results] of Object.entries(bySplit) as [SplitName, EpisodeResult[]][]) {
    splits[split] = splitFigures(results);
    baselines[split] = baselineFigures(results);
  }
  const all = Object.values(splits);
  return {
    splits,
    baselines,
    baselineScale: { wink: WINK_SCALE, vader: VADER_SCALE },
    articles: all.reduce((sum, s) => sum + s.articles, 0),
    episodes: all.reduce((sum, s) => sum + s.episodes, 0),
    gold: all.reduce((sum, s) => sum + s.gold, 0),
  };
}
