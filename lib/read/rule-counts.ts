// How often each rule fires in the store, shown beside its weight in the weights editor.
import { providerOf, type Db } from "../store/client";
import { Prisma } from "../generated/prisma/sqlite/client";
import { num } from "./raw-values";

const sql = Prisma.sql;

/** How many stored statements each rule fires on (rules that never fire are absent). */
export async function ruleFireCounts(db: Db): Promise<Record<string, number>> {
  const rows =
    providerOf(db) === "postgresql"
      ? await db.$queryRaw<Array<{ rule: string; n: unknown }>>(sql`
          SELECT h->>'rule' AS "rule", COUNT(DISTINCT s."id") AS "n"
          FROM "Statement" s CROSS JOIN LATERAL jsonb_array_elements(s."features"->'hits') h
          GROUP BY 1`)
      : await db.$queryRaw<Array<{ rule: string; n: unknown }>>(sql`
          SELECT json_extract(h.value, '$.rule') AS "rule", COUNT(DISTINCT s."id") AS "n"
          FROM "Statement" s, json_each(s."features", '$.hits') h
          GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.rule, num(r.n)]));
}
