// Every filtered statement in table order, a page at a time, for the streaming CSV export.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Db } from "../store/client";
import type { Filters, TableOptions } from "./filters";
import { weightSetsByVersion } from "../store/weight-sets";
import { whereAnd, whereSql } from "./filter-sql";
import { afterSql, orderSql, readsAnIndex, sortTerms, statementsInOrder } from "./table-order";
import { explainedRow, sourcesOf, type SourceView, type StatementView } from "./statements";
import { num } from "./raw-values";

const sql = Prisma.sql;
const join = Prisma.join;

/** A statement as the CSV export writes it: the table's columns, its context and explanation, and its reports. */
export type StatementExportRow = Pick<
  StatementView,
  "id" | "date" | "dateRange" | "rangeFromPublication" | "speaker" | "speakerCountry" | "target" | "text" | "context" | "score" | "label" | "cameo" | "weightVersion" | "contributions" | "sources"
> & { sourceCount: number };

/** One report of a statement, for the export with a row per source. */
export interface SourceExportRow {
  statement: StatementExportRow;
  source: SourceView;
}

/** The statements' pages as pages of their reports, each statement's in the order stored. */
export async function* perSource(pages: AsyncIterable<StatementExportRow[]>): AsyncGenerator<SourceExportRow[]> {
  for await (const page of pages) yield page.flatMap((statement) => statement.sources.map((source) => ({ statement, source })));
}

/**
 * Rows per export page. In an order that an index holds, a page reads just its rows. In the
 * others, each page sorts every row after the previous page's last, so they take larger
 * pages: fewer sorts, for more rows held at once.
 */
function exportPageSize(table: Pick<TableOptions, "sort" | "dir">): number {
  return readsAnIndex(table) ? 1000 : 10_000;
}

/**
 * Every filtered statement in table order, a page at a time (for streaming exports). Each page
 * continues after the previous one's last sort values (keyset), so a page deep in the export
 * costs what the first does, and rows stored meanwhile neither repeat nor shift others out.
 * One query per page reads the statements and one their reports with their articles, just what
 * the CSV writes, so that the server holds a page at a time.
 */
export async function* iterateStatements(db: Db, filters: Filters, table: Omit<TableOptions, "limit" | "offset">, pageSize = exportPageSize(table)): AsyncGenerator<StatementExportRow[]> {
  const terms = sortTerms(table);
  const keys = join(terms.map((t, i) => sql`${t.expr} AS ${Prisma.raw(`"k${i}"`)}`), ", ");
  const where = whereSql(filters, { charted: false });
  const weights = await weightSetsByVersion(db);
  let last: unknown[] | null = null;
  for (;;) {
    const after: Prisma.Sql = last ? whereAnd(where, afterSql(terms, last)) : where;
    const page: Array<Record<string, unknown>> = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
      SELECT ${keys}, "id", "date", "dateFrom", "dateTo", "rangeFromPublication", "speaker", "speakerCountry", "target", "text", "context", "score", "label", "cameo", "weightVersion", "features",
        (SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "Statement"."id") AS "sourceCount"
      FROM ${statementsInOrder(filters, table, true)} ${after}
      ORDER BY ${orderSql(terms)}
      LIMIT ${pageSize}`);
    if (page.length === 0) return;
    const sources = await sourcesOf(db, page.map((r) => String(r.id)));
    yield page.map((r) => ({ ...explainedRow(r, weights).row, context: String(r.context), sources: sources.get(String(r.id)) ?? [], sourceCount: num(r.sourceCount) }));
    if (page.length < pageSize) return;
    const final: Record<string, unknown> = page[page.length - 1];
    last = terms.map((_, i) => final[`k${i}`]);
  }
}
