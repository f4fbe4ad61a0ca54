// The store's rows and the pipeline's shapes they hold: statements with their sources, and
// weight sets, read back into core types and written from them.
import type { Prisma } from "../generated/prisma/sqlite/client";
import type { DateRange, Features, Label, ScoredStatement, Statement, StatementSource, WeightSet } from "../core/types";
import { speakerKey } from "../ingest/merge";
import { contributionsOf } from "../score/explain";
import { withDefaultWeights } from "../score/weights";
import { addDays } from "../core/days";

/** A statement as stored: the scored statement plus bookkeeping. */
export interface StoredStatement extends ScoredStatement {
  /** No report gives a day: dateRange runs from the day before the earliest report's publication. */
  rangeFromPublication: boolean;
  weightVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A weight set as stored, with its version. */
export interface StoredWeightSet {
  version: number;
  weights: WeightSet;
  createdAt: Date;
  note: string;
  createdBy: string;
  active: boolean;
}

export const json = (value: unknown) => value as Prisma.InputJsonValue;

/** A stored day range: both ends, or none. */
export function toRange(from: string | null, to: string | null): DateRange | null {
  return from && to ? { from, to } : null;
}

/** The days a statement may have been said on: its range, its one day, or unknown. */
export function rangeOf(s: { date: string | null; dateRange: DateRange | null }): DateRange | null {
  if (s.dateRange) return s.dateRange;
  if (s.date) return { from: s.date, to: s.date };
  return null;
}

export const statementInclude = {
  sources: { include: { article: { select: { path: true, contentHash: true, published: true } } }, orderBy: { id: "asc" } },
  scoring: { select: { score: true, label: true, cameo: true, weightVersion: true } },
} as const satisfies Prisma.StatementInclude;

type StatementRow = Prisma.StatementGetPayload<{ include: typeof statementInclude }>;

export type StatementFields = Pick<StatementRow, "id" | "text" | "speaker" | "speakerCountry" | "target" | "date" | "dateFrom" | "dateTo" | "context"> & {
  features: unknown;
  /** Raw queries on SQLite return it as 0 or 1. */
  rangeFromPublication: boolean | number;
};

export function statementOf(row: StatementFields, sources: StatementSource[]): Statement {
  return {
    id: row.id,
    text: row.text,
    speaker: row.speaker,
    speakerCountry: row.speakerCountry,
    target: row.target,
    date: row.date,
    // A range from the publication day shows when the words were reported; merging reads the reports' own days.
    dateRange: row.rangeFromPublication ? null : toRange(row.dateFrom, row.dateTo),
    context: row.context,
    // Raw queries on SQLite return JSON columns as text; everything else as parsed values.
    features: (typeof row.features === "string" ? JSON.parse(row.features) : row.features) as Features,
    sources,
  };
}

export function sourceOf(
  row: { quote: string; context: string; dateFrom: string | null; dateTo: string | null; direct: boolean | number | null },
  article: { path: string; contentHash: string; published: string | null },
): StatementSource {
  return {
    path: article.path,
    articleHash: article.contentHash,
    quote: row.quote,
    context: row.context,
    dateRange: toRange(row.dateFrom, row.dateTo),
    published: article.published,
    direct: directOf(row.direct),
  };
}

/** Raw queries on SQLite return booleans as 0 and 1. */
export function directOf(value: boolean | number | null | undefined): boolean | null {
  return value === null || value === undefined ? null : Boolean(value);
}

/** A statement read with statementInclude, explained with the weight set (of `weights`) that scored it. */
export function rowToStored(row: StatementRow, weights: Map<number, WeightSet>): StoredStatement {
  const statement = statementOf(
    row,
    row.sources.map((s) => sourceOf(s, s.article)),
  );
  return {
    ...statement,
    dateRange: toRange(row.dateFrom, row.dateTo),
    rangeFromPublication: row.rangeFromPublication,
    score: row.scoring.score,
    label: row.scoring.label as Label,
    cameo: row.scoring.cameo,
    contributions: contributionsOf(statement.features, weights, row.scoring.weightVersion),
    weightVersion: row.scoring.weightVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * When no report gives a day: the day before the earliest report's publication through that day.
 * Reports are published on the day of the words or after, and a wire story is often dated the
 * day after the words in the time zone where they were said.
 */
export function publicationRange(sources: StatementSource[]): DateRange | null {
  const earliest = sources.map((source) => source.published).filter((day): day is string => day !== null).sort()[0];
  return earliest ? { from: addDays(earliest, -1), to: earliest } : null;
}

/** A Statement row of `s` (everything but its sources), given its Scoring row. */
export function statementRow(s: Statement, scoringId: number) {
  const own = rangeOf(s);
  const range = own ?? publicationRange(s.sources);
  return {
    id: s.id,
    speaker: s.speaker,
    speakerKey: speakerKey(s.speaker),
    speakerCountry: s.speakerCountry,
    target: s.target,
    date: s.date,
    dateFrom: range?.from ?? null,
    dateTo: range?.to ?? null,
    rangeFromPublication: own === null && range !== null,
    sortDay: s.date ?? range?.to ?? "",
    text: s.text,
    context: s.context,
    features: json(s.features),
    scoringId,
  };
}

/** A StatementSource row of `source`, reported by the article stored as `articleId`. */
export function sourceRow(statementId: string, articleId: number, source: StatementSource): Prisma.StatementSourceCreateManyInput {
  return {
    statementId,
    articleId,
    quote: source.quote,
    context: source.context,
    dateFrom: source.dateRange?.from ?? null,
    dateTo: source.dateRange?.to ?? null,
    direct: source.direct,
  };
}

/** A source's identity in the store (its unique key: statement, article, quote). */
export function sourceRowKey(statementId: string, source: StatementSource): string {
  return `${statementId}\u0000${source.articleHash}\u0000${source.quote}`;
}

type WeightRow = { version: number; weights: unknown; createdAt: Date; note: string; createdBy: string; active: boolean };

export function rowToWeights(row: WeightRow): StoredWeightSet {
  return { ...row, weights: withDefaultWeights(row.weights as WeightSet) };
}
