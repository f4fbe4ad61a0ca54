// CSV exports (RFC 4180 via csv-stringify). Text cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR first) get a leading apostrophe; numbers stay numbers.
import { stringify } from "csv-stringify/sync";
import type { StatementExportRow } from "../read/statement-export";
import { describeRange, type Filters, type Resolution } from "../read/filters";
import type { SeriesRow } from "./series-rows";

/** `date` is the first day of the point's period; `period` says whether that is a day, week (from Monday) or month. */
export const SERIES_COLUMNS = ["date", "speaker", "index", "statements", "series", "speaker_country", "target", "min", "max", "period"] as const;
export const STATEMENT_COLUMNS = [
  "date",
  "date_from",
  "date_to",
  "range_from_publication",
  "speaker",
  "speaker_country",
  "target",
  "score",
  "label",
  "cameo",
  "sources",
  "text",
  "explanation",
  "weight_version",
  "id",
] as const;

type Cell = string | number | null;

/** The name a download is saved under: what it holds and the dates it covers. */
export function exportFilename(kind: "series" | "statements", filters: Filters): string {
  return `tension-index-${kind}_${describeRange(filters)}.csv`;
}

function toCsv(columns: readonly string[], records: Cell[][], header: boolean): string {
  return stringify(records, { header, columns: [...columns], escape_formulas: true, record_delimiter: "\r\n" });
}

/** The chart's rows as CSV, in the order /api/series returns them. */
export function seriesCsv(rows: SeriesRow[], resolution: Resolution): string {
  const records = rows.map((r) => [r.date, r.speaker, r.index, r.statements, r.series, r.speakerCountry, r.target, r.min, r.max, resolution]);
  return toCsv(SERIES_COLUMNS, records, true);
}

function explanationText(s: StatementExportRow): string {
  return s.contributions
    .filter((c) => c.points !== 0)
    .map((c) => `${c.name}${c.evidence ? ` ("${c.evidence}")` : ""}: ${c.value} × ${c.weight} = ${c.points}`)
    .join("; ");
}

export function statementRecords(rows: StatementExportRow[]): Cell[][] {
  return rows.map((s) => [
    s.date,
    s.dateRange?.from ?? null,
    s.dateRange?.to ?? null,
    // No report gives a day: date_from–date_to is the day before the earliest report through it.
    s.rangeFromPublication ? "true" : "false",
    s.speaker,
    s.speakerCountry,
    s.target,
    s.score,
    s.label,
    s.cameo,
    s.sourceCount,
    s.text,
    explanationText(s),
    s.weightVersion,
    s.id,
  ]);
}

/** Streams statement pages as CSV, header first, pulling the next page only when the client reads. */
export function statementsCsvStream(pages: AsyncIterator<StatementExportRow[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) {
          if (header) controller.enqueue(encoder.encode(toCsv(STATEMENT_COLUMNS, [], true)));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(toCsv(STATEMENT_COLUMNS, statementRecords(next.value), header)));
        header = false;
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await pages.return?.(undefined);
    },
  });
}
