// The stored statements that may be the same utterance as an incoming one: read with just what
// isSameUtterance compares (the sources' quotes, days and publication days), for the batch at once.
import { Prisma } from "../generated/prisma/sqlite/client";
import type { Statement, StatementSource } from "../core/types";
import { speakerKey } from "../ingest/merge";
import { appendTo } from "../ingest/extract/positions";
import { addDays } from "../core/days";
import type { RawTx } from "./bulk-writer";
import { rangeOf, toRange } from "./rows";
import { chunks } from "./sql";

/** Longer than any stored statement's day range (a month is the widest date expression). */
const RANGE_BOUND_DAYS = 62;

/** Upper bound of stored statements compared against one incoming statement. */
const MAX_CANDIDATES = 500;

/**
 * For each statement, the stored statements of its speaker that may be the same utterance
 * (overlapping or unknown days), most recently updated first, with just what isSameUtterance
 * reads (speaker, days, text, the sources' quotes, days and publication days). Raw SQL, two queries per 100 statements:
 * Prisma would plan a new query for every batch's shape, which costs more than running it.
 */
export async function candidatesFor(tx: RawTx, statements: Statement[]): Promise<Map<string, Statement[]>> {
  const found = new Map<string, Statement[]>();
  const conditions = new Map<string, Prisma.Sql>();
  for (const s of statements) {
    const key = speakerKey(s.speaker);
    if (key === "") continue;
    const range = rangeOf(s);
    // Stored ranges have both ends or neither, and span at most a month (the widest date
    // expression), so an overlapping one ends within [from, to + RANGE_BOUND_DAYS]: a bounded
    // scan of the (speakerKey, dateTo) index instead of every statement of the speaker.
    const days = range
      ? Prisma.sql` AND ("dateTo" IS NULL OR "rangeFromPublication" = TRUE OR ("dateTo" >= ${range.from} AND "dateTo" <= ${addDays(range.to, RANGE_BOUND_DAYS)} AND "dateFrom" <= ${range.to}))`
      : Prisma.empty;
    conditions.set(`${key}\n${range?.from}\n${range?.to}`, Prisma.sql`("speakerKey" = ${key}${days})`);
  }
  for (const part of chunks([...conditions.values()], 100)) {
    const rows = await tx.$queryRaw<{ id: string; speaker: string | null; text: string; dateFrom: string | null; dateTo: string | null; rangeFromPublication: boolean | number; date: string | null }[]>(
      Prisma.sql`SELECT "id", "speaker", "text", "dateFrom", "dateTo", "rangeFromPublication", "date" FROM "Statement" WHERE ${Prisma.join(part, " OR ")} ORDER BY "updatedAt" DESC`,
    );
    const reports = new Map<string, StatementSource[]>();
    for (const ids of chunks(rows.map((r) => r.id))) {
      const sources = await tx.$queryRaw<{ statementId: string; quote: string; dateFrom: string | null; dateTo: string | null; published: string | null }[]>(
        Prisma.sql`SELECT s."statementId", s."quote", s."dateFrom", s."dateTo", a."published"
          FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId" WHERE s."statementId" IN (${Prisma.join(ids)}) ORDER BY s."id"`,
      );
      for (const source of sources) {
        const report = { path: "", articleHash: "", quote: source.quote, context: "", dateRange: toRange(source.dateFrom, source.dateTo), published: source.published, direct: null };
        appendTo(reports, source.statementId, report);
      }
    }
    for (const row of rows) {
      const candidate: Statement = {
        id: row.id,
        text: row.text,
        speaker: row.speaker,
        speakerCountry: null,
        target: null,
        date: row.date,
        dateRange: row.rangeFromPublication ? null : toRange(row.dateFrom, row.dateTo),
        context: "",
        features: { lexicon: 0, hits: [] },
        sources: reports.get(row.id) ?? [],
      };
      appendTo(found, speakerKey(row.speaker), candidate);
    }
  }
  const result = new Map<string, Statement[]>();
  for (const s of statements) {
    const range = rangeOf(s);
    const sameDays: Statement[] = [];
    for (const c of found.get(speakerKey(s.speaker)) ?? []) {
      if (sameDays.length === MAX_CANDIDATES) break;
      const other = rangeOf(c);
      if (!range || !c.dateRange || (other !== null && other.from <= range.to && other.to >= range.from)) sameDays.push(c);
    }
    result.set(s.id, sameDays);
  }
  return result;
}
