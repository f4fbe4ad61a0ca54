// Statements for the explorer table and /api/statements: one page at a time, with their
// sources and explanations (the table's rows: with their sources counted, each row's sources
// read when it opens), and how many the filters match.
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
import { clipped, num, parseJson, str } from "./raw-values";

const sql = Prisma.sql;
const join = Prisma.join;

export interface SourceView {
  quote: string;
  context: string;
  dateRange: DateRange | null;
  /** The article quotes the words (false: reported speech; null: stored before this was recorded). */
  direct: boolean | null;
  article: ArticleRef;
}

/** What a source shows of its article: enough to cite it. */
export interface ArticleRef {
  title: string;
  source: string | null;
  url: string | null;
  published: ISODate | null;
  path: string;
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

/**
 * A statement as the dashboard's table sends it to the browser: what the row shows, with its
 * text clipped and its sources counted; the rest (context, sources, whole text) loads when the
 * row opens (statementDetails). One statement may have hundreds of long reports, and the page
 * sent every one of them to every visitor.
 */
export interface StatementRow extends Omit<StatementView, "context" | "evidence" | "sources"> {
  /** `text` is the first TABLE_TEXT_CHARS characters and "…": the details hold the whole text. */
  textClipped: boolean;
  sourceCount: number;
}

/** What opening a table row loads: the statement's whole text, its context and every source. */
export interface StatementDetails {
  id: string;
  text: string;
  context: string;
  sources: SourceView[];
}

/** Characters of a statement's text that its table row shows at most. */
export const TABLE_TEXT_CHARS = 400;

/** The columns of a statement that every view of it reads (text and context apart). */
const VIEW_COLUMNS = sql`"id", "date", "dateFrom", "dateTo", "rangeFromPublication", "speaker", "speakerCountry", "target", "score", "label", "cameo", "weightVersion", "features"`;

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

/** One page of the filtered statements as the dashboard's table rows (see StatementRow). */
export async function queryStatementRows(db: Db, filters: Filters, table: TableOptions): Promise<{ total: number; rows: StatementRow[] }> {
  const [total, ids] = await Promise.all([countStatements(db, filters), db.$queryRaw<Array<{ id: string }>>(statementPageSql(filters, table))]);
  return { total, rows: await tableRowsOf(db, ids.map((r) => r.id)) };
}

async function tableRowsOf(db: Db, ids: string[]): Promise<StatementRow[]> {
  if (ids.length === 0) return [];
  const [rows, counts, weights] = await Promise.all([
    db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${VIEW_COLUMNS}, SUBSTR("text", 1, ${TABLE_TEXT_CHARS + 1}) AS "text"
      FROM ${SCORED_STATEMENTS} WHERE "id" IN (${join(ids)})`),
    db.$queryRaw<Array<{ statementId: string; n: unknown }>>(sql`
      SELECT "statementId", COUNT(*) AS "n" FROM "StatementSource" WHERE "statementId" IN (${join(ids)}) GROUP BY "statementId"`),
    weightSetsByVersion(db),
  ]);
  const sourceCounts = new Map(counts.map((c) => [String(c.statementId), num(c.n)]));
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const text = clipped(String(row.text), TABLE_TEXT_CHARS);
    return [{ ...explainedRow(row, weights).row, text, textClipped: text !== String(row.text), sourceCount: sourceCounts.get(id) ?? 0 }];
  });
}

/** The statement's whole text, context and sources; null when no statement has this id. */
export async function statementDetails(db: Db, id: string): Promise<StatementDetails | null> {
  const [rows, sources] = await Promise.all([
    db.$queryRaw<Array<{ text: string; context: string }>>(sql`SELECT "text", "context" FROM "Statement" WHERE "id" = ${id}`),
    sourcesOf(db, [id]),
  ]);
  if (rows.length === 0) return null;
  return { id, text: String(rows[0].text), context: String(rows[0].context), sources: sources.get(id) ?? [] };
}

/**
 * Statements with their sources and explanations, in the order of `ids`. Raw SQL: the ORM's
 * include plans and maps a nested query per call, which cost a table page more than reading its
 * rows does.
 */
async function viewsOf(db: Db, ids: string[]): Promise<StatementView[]> {
  if (ids.length === 0) return [];
  const [rows, sources, weights] = await Promise.all([
    db.$queryRaw<Array<Record<string, unknown>>>(sql`SELECT ${VIEW_COLUMNS}, "text", "context" FROM ${SCORED_STATEMENTS} WHERE "id" IN (${join(ids)})`),
    sourcesOf(db, ids),
    weightSetsByVersion(db),
  ]);
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toView(row, sources.get(id) ?? [], weights)] : [];
  });
}

/** The sources of the statements `ids`, by statement id, each statement's in the order stored. */
export async function sourcesOf(db: Db, ids: string[]): Promise<Map<string, SourceView[]>> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT s."statementId", s."quote", s."context", s."dateFrom", s."dateTo", s."direct", a."title", a."source", a."url", a."published", a."path"
    FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId"
    WHERE s."statementId" IN (${join(ids)}) ORDER BY s."id"`);
  const sources = new Map<string, SourceView[]>();
  for (const r of rows) {
    const source: SourceView = {
      quote: String(r.quote),
      context: String(r.context),
      dateRange: rangeOf(r),
      direct: directOf(r.direct as boolean | number | null),
      article: { title: String(r.title), source: str(r.source), url: str(r.url), published: str(r.published), path: String(r.path) },
    };
    const list = sources.get(String(r.statementId));
    if (list) list.push(source);
    else sources.set(String(r.statementId), [source]);
  }
  return sources;
}
