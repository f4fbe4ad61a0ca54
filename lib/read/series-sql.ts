// Where a statement sits on the chart, in SQL: its series and the first day of its period.
import { providerOf, type Db } from "../store/client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Filters, Resolution } from "./filters";
import { lineKeyOfDay, monthStartSql, weekStartSql } from "../store/rollups";

const sql = Prisma.sql;

/** The SQL expression naming a statement's series. */
export function seriesKey(filters: Filters): Prisma.Sql {
  return sql`(${lineKeyOfDay(filters.by)})`;
}

/** The first day of the period holding a YYYY-MM-DD column or expression, in the store's SQL. */
export function periodStartSql(db: Db, day: Prisma.Sql, resolution: Resolution): Prisma.Sql {
  if (resolution === "day") return day;
  if (resolution === "month") return monthStartSql(day);
  return weekStartSql(providerOf(db), day);
}
