// Statements for the explorer table and /api/statements: one page at a time, with their
// sources and explanations, and how many the filters match.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Db } from "../store/client";
import type { Filters, TableOptions } from "./filters";
import { contributionsOf, explainContributions, type ExplainedContribution } from "../score/explain";
import { SCORED_STATEMENTS } from "../store/rollups";
import { directOf, toRange } from "../store/rows";
import { weightSetsByVersion } from "../store/weight-sets";
import type { DateRange, Features, ISODate, Label, RuleHit, WeightSet } from "../core/types";
import { statementsFor, whereSql } from "./filter-sql";
import { orderSql, sortTerms, statementsInOrder } from "./table-order";
import { num, parseJson, str } from "./raw-values";

const sql = Prisma.sql;
const join = Prisma.join;

export interface SourceView {
  quote: string;
  context: string;
  dateRange: DateRange | null;
  /** The article quotes the words (false: reported speech; null: stored before this was recorded). */
  direct: boolean | null;
  article: { title: string; source: string | null; url: string | null; published: ISODate | null; path: string };
}

export interface StatementView {
  id: string;
  date: ISODate | null;
  dateRange: DateRange | null;
  /** No report gives a day: dateRange runs from the day before the earliest report's publication through it. */
  rangeFromPublication: boolean;
  speaker: string | null;
  speakerCountry: string | null;
  target: string | null;
  text: string;
  context: string;
  score: number;
  label: Label;
  cameo: string | null;
  weightVersion: number;
  contributions: ExplainedContribution[];
  evidence: RuleHit[];
  sources: SourceView[];
}

export async function countStatements(db: Db, filters: Filters): Promise<number> {
  const where = whereSql(filters, { charted: false });
  // Unfiltered, the total kept by the store's triggers: counting would read every row for each
  // table page.
  const [row] = await db.$queryRaw<Array<{ n: unknown }>>(
    where === Prisma.empty ? sql`SELECT SUM("statements") AS "n" FROM "StatementCount"` : sql`SELECT COUNT(*) AS "n" FROM ${statementsFor(filters)} ${where}`,
  );
  return num(row?.n);
}

/** What the table and the export show of a statement row: its columns, and its features explained. */
export function explainedRow(row: Record<string, unknown>, weights: Map<number, WeightSet>) {
  const features = parseJson<Features>(row.features);
  const weightVersion = num(row.weightVersion);
  return {
    features,
    row: {
      id: String(row.id),
      date: str(row.date),
      dateRange: rangeOf(row),
      rangeFromPublication: Boolean(row.rangeFromPublication),
      speaker: str(row.speaker),
      speakerCountry: str(row.speakerCountry),
      target: str(row.target),
      text: String(row.text),
      score: num(row.score),
      label: String(row.label) as Label,
      cameo: str(row.cameo),
      weightVersion,
      contributions: explainContributions(contributionsOf(features, weights, weightVersion), features),
    },
  };
}

/** A statement with its sources and explanation, from the rows of viewsOf's two queries. */
function toView(row: Record<string, unknown>, sources: SourceView[], weights: Map<number, WeightSet>): StatementView {
  const explained = explainedRow(row, weights);
  return { ...explained.row, context: String(row.context), evidence: explained.features.hits, sources };
}

function rangeOf(row: Record<string, unknown>): DateRange | null {
  return toRange(str(row.dateFrom), str(row.dateTo));
}

/** The ids of one page of the filtered statements, in table order. */
export function statementPageSql(filters: Filters, table: TableOptions): Prisma.Sql {
  return sql`SELECT "id" FROM ${statementsInOrder(filters, table, false)} ${whereSql(filters, { charted: false })}
    ORDER BY ${orderSql(sortTerms(table))}
    LIMIT ${table.limit} OFFSET ${table.offset}`;
}

/** One page of the filtered statements, in table order, with their sources and explanations. */
export async function queryStatements(db: Db, filters: Filters, table: TableOptions): Promise<{ total: number; rows: StatementView[] }> {
  const [total, ids] = await Promise.all([countStatements(db, filters), db.$queryRaw<Array<{ id: string }>>(statementPageSql(filters, table))]);
  return { total, rows: await viewsOf(db, ids.map((r) => r.id)) };
}

/**
 * Statements with their sources and explanations, in the order of `ids`. Raw SQL: the ORM's
 * include plans and maps a nested query per call, which cost a table page more than reading its
 * rows does.
 */
async function viewsOf(db: Db, ids: string[]): Promise<StatementView[]> {
  if (ids.length === 0) return [];
  const [rows, sourceRows, weights] = await Promise.all([
    db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT "id", "date", "dateFrom", "dateTo", "rangeFromPublication", "speaker", "speakerCountry", "target", "text", "context", "score", "label", "cameo", "weightVersion", "features"
      FROM ${SCORED_STATEMENTS} WHERE "id" IN (${join(ids)})`),
    db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT s."statementId", s."quote", s."context", s."dateFrom", s."dateTo", s."direct", a."title", a."source", a."url", a."published", a."path"
      FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE s."statementId" IN (${join(ids)}) ORDER BY s."id"`),
    weightSetsByVersion(db),
  ]);
  const sourcesOf = new Map<string, SourceView[]>();
  for (const r of sourceRows) {
    const source: SourceView = {
      quote: String(r.quote),
      context: String(r.context),
      dateRange: rangeOf(r),
      direct: directOf(r.direct as boolean | number | null),
      article: { title: String(r.title), source: str(r.source), url: str(r.url), published: str(r.published), path: String(r.path) },
    };
    const list = sourcesOf.get(String(r.statementId));
    if (list) list.push(source);
    else sourcesOf.set(String(r.statementId), [source]);
  }
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toView(row, sourcesOf.get(id) ?? [], weights)] : [];
  });
}
