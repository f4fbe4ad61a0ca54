// The statement table's order in SQL, shared by its pages and the export: the sort terms, the
// rows after a page's last (keyset), and which join lets an index hold the order.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Filters, TableOptions } from "./filters";
import { SCORED_STATEMENTS } from "../store/rollups";

const sql = Prisma.sql;
const join = Prisma.join;

export interface SortTerm {
  expr: Prisma.Sql;
  dir: "ASC" | "DESC";
  /** A column of the statement's Scoring row: these terms come first, and Scoring's index holds them. */
  ofPair?: boolean;
}

/**
 * The statement table's order as terms that are never NULL and end with the id, so that the
 * order is total and a page can continue after the last row of the previous one (keyset).
 * A statement known only to a range sorts by its range's end; unknown days go last either way.
 * Where the order is one column and the id, the id runs in the same direction, so that both
 * databases read the (column, id) index forwards or backwards instead of sorting every row.
 * Scores are their pairs' (Scoring): equal scores go by pair, then by id, which is the order of
 * reading Scoring's score index and each pair's statements by Statement's (scoringId, id) index.
 */
export function sortTerms(table: Pick<TableOptions, "sort" | "dir">): SortTerm[] {
  const dir = table.dir === "asc" ? "ASC" : "DESC";
  const id: SortTerm = { expr: sql`"id"`, dir: "ASC" };
  switch (table.sort) {
    case "score":
      return [{ expr: sql`"score"`, dir, ofPair: true }, { expr: sql`"Scoring"."scoringId"`, dir, ofPair: true }, { expr: sql`"id"`, dir }];
    case "speaker":
      return [{ expr: sql`CASE WHEN "speakerKey" = '' THEN 1 ELSE 0 END`, dir: "ASC" }, { expr: sql`"speakerKey"`, dir }, { expr: sql`"sortDay"`, dir: "DESC" }, id];
    case "sources":
      return [{ expr: sql`(SELECT COUNT(*) FROM "StatementSource" ss WHERE ss."statementId" = "Statement"."id")`, dir }, id];
    case "date":
      // "" (unknown) is the smallest day: last in descending order without a flag column.
      return dir === "DESC" ? [{ expr: sql`"sortDay"`, dir }, { expr: sql`"id"`, dir }] : [{ expr: sql`CASE WHEN "sortDay" = '' THEN 1 ELSE 0 END`, dir: "ASC" }, { expr: sql`"sortDay"`, dir }, id];
  }
}

export function orderSql(terms: SortTerm[]): Prisma.Sql {
  return join(terms.map((t) => sql`${t.expr} ${Prisma.raw(t.dir)}`), ", ");
}

/** Rows strictly after `last` (the previous page's last sort values) in the order of `terms`. */
export function afterSql(terms: SortTerm[], last: unknown[]): Prisma.Sql {
  // Terms in one direction compare as one row value, which both databases answer with a range
  // of the matching index; an OR of alternatives makes them filter or sort every row.
  if (terms.every((term) => term.dir === terms[0].dir)) {
    const beyond = terms[0].dir === "ASC" ? ">" : "<";
    const row = (from: number, to?: number) => sql`(${join(terms.slice(from, to).map((t) => t.expr))})`;
    const pairTerms = terms.filter((t) => t.ofPair).length;
    if (pairTerms === 0) return sql`${row(0)} ${Prisma.raw(beyond)} (${join(last)})`;
    // Terms of two tables compare as a row value each, so that each reads a range of its own
    // index: Scoring's from the last row's pair on, and that pair's statements after the last
    // row. One row value over both would make every page read the statements of every pair before.
    const pair = row(0, pairTerms);
    const pairValues = sql`(${join(last.slice(0, pairTerms))})`;
    return sql`${pair} ${Prisma.raw(`${beyond}=`)} ${pairValues} AND (${pair} ${Prisma.raw(beyond)} ${pairValues} OR ${row(pairTerms)} ${Prisma.raw(beyond)} (${join(last.slice(pairTerms))}))`;
  }
  const alternatives = terms.map((term, i) => {
    const equal = terms.slice(0, i).map((t, j) => sql`${t.expr} = ${last[j]}`);
    const beyond = sql`${term.expr} ${Prisma.raw(term.dir === "ASC" ? ">" : "<")} ${last[i]}`;
    return sql`(${join([...equal, beyond], " AND ")})`;
  });
  return sql`(${join(alternatives, " OR ")})`;
}

/** Whether an index holds the table's order (see sortTerms), so that a page reads just its rows. */
export function readsAnIndex(table: Pick<TableOptions, "sort" | "dir">): boolean {
  return table.sort === "score" || (table.sort === "date" && table.dir === "desc");
}

/**
 * Statements with their scores, read in the order of one of Statement's own indexes (see
 * readsAnIndex): the unary plus keeps SQLite from starting at the pairs of a filtered label and
 * sorting all their statements, so that it reads the order's index and stops at the page's end.
 */
const SCORED_IN_STATEMENT_ORDER = sql`"Statement" JOIN "Scoring" ON "Scoring"."scoringId" = +"Statement"."scoringId"`;

/** Where the table or the export reads its statements from, for an order and whether it reads scores. */
export function statementsInOrder(filters: Filters, table: Pick<TableOptions, "sort" | "dir">, readsScores: boolean): Prisma.Sql {
  if (table.sort === "score") return SCORED_STATEMENTS;
  if (!readsScores && filters.labels.length === 0) return sql`"Statement"`;
  return readsAnIndex(table) ? SCORED_IN_STATEMENT_ORDER : SCORED_STATEMENTS;
}
