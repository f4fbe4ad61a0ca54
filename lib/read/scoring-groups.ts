// What the weight preview reads to re-score the filtered statements: stored features, never
// the text's NLP.
import type { Db } from "../store/client";
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Filters } from "./filters";
import { SCORED_STATEMENTS } from "../store/rollups";
import type { ISODate, Label } from "../core/types";
import { statementsFor, whereAnd, whereSql } from "./filter-sql";
import { seriesKey } from "./series-sql";
import { QUOTE_CHARS } from "./point-quotes";
import { num, str } from "./raw-values";

const sql = Prisma.sql;
const join = Prisma.join;

/**
 * Statements counted by what scoring reads: a score is a pure function of the lexicon value
 * and the rule hits (Scoring.ruleValues), so an admin preview scores each distinct pair
 * once however many statements share it, and its memory follows the pairs, not the store.
 */
export interface ScoringGroup {
  lexicon: number;
  ruleValues: string;
  /** The label the statements have now. */
  label: Label;
  statements: number;
}

/** A ScoringGroup of one series and day: what the chart's points are rebuilt from. */
export interface ScoringDay {
  series: string;
  date: ISODate;
  lexicon: number;
  ruleValues: string;
  statements: number;
}

/** The filtered statements counted by lexicon value, rule hits and current label. */
export async function queryScoringGroups(db: Db, filters: Filters): Promise<ScoringGroup[]> {
  // Counted per pair in Statement's covering index, then joined to the few pairs.
  const rows = await db.$queryRaw<Array<{ lexicon: unknown; ruleValues: string; label: string; n: unknown }>>(sql`
    SELECT p."lexicon", p."ruleValues", p."label", g."n"
    FROM (SELECT "Statement"."scoringId" AS "pair", COUNT(*) AS "n" FROM ${statementsFor(filters)} ${whereSql(filters, { charted: false })} GROUP BY "Statement"."scoringId") g
    JOIN "Scoring" p ON p."scoringId" = g."pair"`);
  return rows.map((r) => ({ lexicon: num(r.lexicon), ruleValues: r.ruleValues, label: r.label as Label, statements: num(r.n) }));
}

/** The filtered statements of the given series, counted per series, day, lexicon value and rule hits. */
export async function queryScoringDays(db: Db, filters: Filters, seriesKeys: string[]): Promise<ScoringDay[]> {
  if (seriesKeys.length === 0) return [];
  const key = seriesKey(filters);
  const rows = await db.$queryRaw<Array<{ series: string; date: string; lexicon: unknown; ruleValues: string; n: unknown }>>(sql`
    SELECT g."series", g."date", p."lexicon", p."ruleValues", g."n"
    FROM (
      SELECT ${key} AS "series", "date", "Statement"."scoringId" AS "pair", COUNT(*) AS "n"
      FROM ${statementsFor(filters)} ${whereAnd(whereSql(filters, { charted: false }), sql`"date" IS NOT NULL AND ${key} IN (${join(seriesKeys)})`)}
      GROUP BY ${key}, "date", "Statement"."scoringId"
    ) g JOIN "Scoring" p ON p."scoringId" = g."pair"`);
  return rows.map((r) => ({ series: r.series, date: r.date, lexicon: num(r.lexicon), ruleValues: r.ruleValues, statements: num(r.n) }));
}

/** A statement as a list of label changes shows it. */
export interface ScoredStatementSummary {
  id: string;
  date: ISODate | null;
  speaker: string | null;
  score: number;
  /** The start of its words. */
  text: string;
  lexicon: number;
  ruleValues: string;
  label: Label;
}

/** Up to `limit` filtered statements in any of `groups` (same lexicon value, rule hits and label). */
export async function queryStatementsInGroups(db: Db, filters: Filters, groups: ScoringGroup[], limit: number): Promise<ScoredStatementSummary[]> {
  if (groups.length === 0 || limit <= 0) return [];
  const inGroups = sql`("lexicon", "ruleValues", "label") IN (VALUES ${join(groups.map((g) => sql`(CAST(${g.lexicon} AS DOUBLE PRECISION), ${g.ruleValues}, ${g.label})`))})`;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT "id", "date", "speaker", "score", SUBSTR("text", 1, ${QUOTE_CHARS + 1}) AS "text", "lexicon", "ruleValues", "label"
    FROM ${SCORED_STATEMENTS} ${whereAnd(whereSql(filters, { charted: false }), inGroups)}
    LIMIT ${limit}`);
  return rows.map((r) => ({
    id: String(r.id),
    date: str(r.date),
    speaker: str(r.speaker),
    score: num(r.score),
    text: String(r.text),
    lexicon: num(r.lexicon),
    ruleValues: String(r.ruleValues),
    label: String(r.label) as Label,
  }));
}
