// The dashboard filters in SQL, shared by every read query. The same SQL runs on SQLite and
// PostgreSQL (Prisma renders the placeholders per provider); only portable functions are used
// (AVG, COUNT, window ROW_NUMBER and RANK, LOWER, SUBSTR).
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Filters } from "./filters";
import { speakerKey } from "../ingest/merge";
import { SCORED_STATEMENTS } from "../store/rollups";

const sql = Prisma.sql;
const join = Prisma.join;

/** Rows of any of the dyads (countries matched case-insensitively). */
export function dyadsSql(dyads: Filters["dyads"]): Prisma.Sql {
  const pairs = dyads.map((d) => sql`(LOWER("speakerCountry") = ${d.country.toLowerCase()} AND LOWER("target") = ${d.target.toLowerCase()})`);
  return sql`(${join(pairs, " OR ")})`;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * WHERE conditions for `filters`. `charted` selects what the chart plots: statements
 * dated to the day that belong to a series (a known speaker, or both countries of a
 * dyad). Otherwise statements known only to a day range match when the range overlaps.
 */
export function whereSql(filters: Filters, options: { charted: boolean }): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.speakers.length) {
    conditions.push(sql`"speakerKey" IN (${join(filters.speakers.map(speakerKey))})`);
  }
  if (filters.dyads.length) conditions.push(dyadsSql(filters.dyads));
  if (filters.labels.length) conditions.push(sql`"label" IN (${join(filters.labels)})`);
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q.toLowerCase())}%`;
    const columns = [sql`"text"`, sql`"context"`, sql`COALESCE("speaker", '')`, sql`COALESCE("target", '')`];
    conditions.push(sql`(${join(columns.map((c) => sql`LOWER(${c}) LIKE ${pattern} ESCAPE '\\'`), " OR ")})`);
  }
  if (options.charted) {
    conditions.push(sql`"date" IS NOT NULL`);
    if (filters.from) conditions.push(sql`"date" >= ${filters.from}`);
    if (filters.to) conditions.push(sql`"date" <= ${filters.to}`);
    conditions.push(filters.by === "dyad" ? sql`"speakerCountry" IS NOT NULL AND "target" IS NOT NULL` : sql`"speakerKey" <> ''`);
  } else if (filters.from || filters.to) {
    const lower = filters.from ?? "0000-01-01";
    const upper = filters.to ?? "9999-12-31";
    conditions.push(
      sql`(("date" >= ${lower} AND "date" <= ${upper}) OR ("date" IS NULL AND "dateTo" >= ${lower} AND "dateFrom" <= ${upper}))`,
    );
  }
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : Prisma.empty;
}

/**
 * The statements for a query that reads no score: joined to their scores only when a label
 * filter needs them (a join would cost every row a lookup, and would keep a count from reading
 * one index alone).
 */
export function statementsFor(filters: Filters): Prisma.Sql {
  return filters.labels.length > 0 ? SCORED_STATEMENTS : sql`"Statement"`;
}

/** A WHERE clause (of whereSql) with one more condition. */
export function whereAnd(where: Prisma.Sql, condition: Prisma.Sql): Prisma.Sql {
  return where === Prisma.empty ? sql`WHERE ${condition}` : sql`${where} AND ${condition}`;
}
