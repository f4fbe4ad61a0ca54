// Bulk SQL shared by the writes: rows sent as one JSON parameter, and lists cut into parts that
// either database binds.
import type { DbProvider } from "./client";
import type { RawTx } from "./bulk-writer";

/** Rows per multi-row INSERT or IN list: well below either database's bound-parameter limit. */
const CHUNK = 500;

/** Rows per multi-row INSERT: bounds the size of one JSON parameter. */
export const INSERT_ROWS = 500;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Multi-row INSERT through raw SQL (`returning`: columns to return), its rows sent as one JSON
 * parameter that the database unpacks: Prisma's createMany plans each call anew, and both
 * Prisma and SQLite spend more on thousands of parameters (serializing, planning, parsing
 * the statement) than on the insert itself. Columns named in `json` are JSON; `updatedAt` is
 * set to the current time by the database. With `updateOnConflict` (a unique key's columns),
 * a row whose key is stored updates the stored row; with `ignoreConflict`, it is left out.
 */
export async function insertRows<R = unknown>(
  tx: Pick<RawTx, "$queryRawUnsafe">,
  provider: DbProvider,
  table: string,
  rows: Record<string, unknown>[],
  options: { json?: string[]; returning?: string[]; updatedAt?: boolean; updateOnConflict?: string[]; ignoreConflict?: string[] } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const json = new Set(options.json ?? []);
  const columns = Object.keys(rows[0]);
  const quoted = (names: string[]) => names.map((c) => `"${c}"`).join(", ");
  const updatedAt = options.updatedAt ? ", CURRENT_TIMESTAMP" : "";
  // PostgreSQL reads each object as a row of the table, every value typed as its column.
  // SQLite reads each row as an array, its JSON columns as their text.
  const select =
    provider === "postgresql"
      ? `SELECT ${quoted(columns)}${updatedAt} FROM JSON_POPULATE_RECORDSET(NULL::"${table}", CAST($1 AS JSON))`
      : `SELECT ${columns.map((_, i) => `"value" ->> ${i}`).join(", ")}${updatedAt} FROM JSON_EACH(?) WHERE 1`;
  const payload =
    provider === "postgresql"
      ? JSON.stringify(rows)
      : JSON.stringify(rows.map((row) => columns.map((c) => (json.has(c) ? JSON.stringify(row[c]) : row[c]))));
  const returning = options.returning ? ` RETURNING ${quoted(options.returning)}` : "";
  let onConflict = "";
  if (options.updateOnConflict) {
    const key = new Set(options.updateOnConflict);
    const updated = [...columns.filter((c) => !key.has(c)), ...(options.updatedAt ? ["updatedAt"] : [])];
    onConflict = ` ON CONFLICT (${quoted([...key])}) DO UPDATE SET ${updated.map((c) => `"${c}" = excluded."${c}"`).join(", ")}`;
  } else if (options.ignoreConflict) {
    onConflict = ` ON CONFLICT (${quoted(options.ignoreConflict)}) DO NOTHING`;
  }
  const names = quoted([...columns, ...(options.updatedAt ? ["updatedAt"] : [])]);
  return tx.$queryRawUnsafe<R[]>(`INSERT INTO "${table}" (${names}) ${select}${onConflict}${returning}`, payload);
}
