// CSV exports (RFC 4180 via csv-stringify). Text cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR first) get a leading apostrophe; numbers stay numbers, rounded to
// two decimals. A CAMEO code is written ="036", the spreadsheet convention for digits kept as
// text: quoting alone does not stop a spreadsheet reading "036" as the number 36.
import { stringify } from "csv-stringify/sync";
import type { SourceExportRow, StatementExportRow } from "../read/statement-export";
import { round2 } from "../read/series";
import { citationOf } from "./citation";
import { describeRange, type Filters, type Resolution } from "../read/filters";
import type { SeriesRow } from "./series-rows";

/** `date` is the first day of the point's period; `period` says whether that is a day, week (from Monday) or month. */
export const SERIES_COLUMNS = ["date", "speaker", "index", "statements", "series", "speaker_country", "target", "min", "max", "period"] as const;
/** Who said it to whom, and its score: in both statement exports, in this order. */
const SPEAKER_AND_SCORE = ["speaker", "speaker_country", "target", "score", "label", "cameo"] as const;
export const STATEMENT_COLUMNS = [
  "date",
  "date_from",
  "date_to",
  "range_from_publication",
  ...SPEAKER_AND_SCORE,
  "sources",
  "text",
  "context",
  "report",
  "explanation",
  "weight_version",
  "id",
  "source_outlets",
  "source_titles",
  "source_urls",
  "source_days",
  "source_words",
] as const;
/** One row per report of a statement (`?per=source`): the statement's columns, then the report's. */
export const SOURCE_COLUMNS = [
  "statement_id",
  "date",
  ...SPEAKER_AND_SCORE,
  "text",
  "report",
  "outlet",
  "title",
  "url",
  "published",
  "words",
  "source_context",
  "source_date_from",
  "source_date_to",
  "file",
] as const;
/** The source_* columns list a statement's reports one per line, in the same order in each column. */
export const SOURCE_SEPARATOR = "\n";

/** Digits a spreadsheet must keep as text (a CAMEO code's leading zero). */
interface DigitsAsText {
  digits: string;
}
type Cell = string | number | null | DigitsAsText;

function codeCell(code: string | null): Cell {
  return code === null ? null : /^\d+$/.test(code) ? { digits: code } : code;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string | number | null {
  if (cell === null) return null;
  if (typeof cell === "number") return round2(cell);
  if (typeof cell === "string") return FORMULA_START.test(cell) ? `'${cell}` : cell;
  return `="${cell.digits}"`;
}

/** The name a download is saved under: what it holds and the dates it covers. */
export function exportFilename(kind: "series" | "statements" | "sources", filters: Filters): string {
  return `tension-index-${kind}_${describeRange(filters)}.csv`;
}

function toCsv(columns: readonly string[], records: Cell[][], header: boolean): string {
  return stringify(
    records.map((r) => r.map(csvCell)),
    { header, columns: [...columns], record_delimiter: "\r\n" },
  );
}

/** The chart's rows as CSV, in the order /api/series returns them. */
export function seriesCsv(rows: SeriesRow[], resolution: Resolution): string {
  const records = rows.map((r) => [r.date, r.speaker, r.index, r.statements, r.series, r.speakerCountry, r.target, r.min, r.max, resolution]);
  return toCsv(SERIES_COLUMNS, records, true);
}

function explanationText(s: StatementExportRow): string {
  return s.contributions
    .filter((c) => c.points !== 0)
    .map((c) => `${c.name}${c.evidence ? ` ("${c.evidence}")` : ""}: ${round2(c.value)} × ${round2(c.weight)} = ${round2(c.points)}`)
    .join("; ");
}

/** "direct" when a report quotes the words, "reported" when every report paraphrases them, null when not recorded. */
function reportOf(direct: Array<boolean | null>): string | null {
  if (direct.some((d) => d === true)) return "direct";
  if (direct.length > 0 && direct.every((d) => d === false)) return "reported";
  return null;
}

function lines(values: Array<string | null>): string {
  return values.map((v) => v ?? "").join(SOURCE_SEPARATOR);
}

function speakerAndScore(s: StatementExportRow): Cell[] {
  return [s.speaker, s.speakerCountry, s.target, s.score, s.label, codeCell(s.cameo)];
}

export function statementRecords(rows: StatementExportRow[]): Cell[][] {
  return rows.map((s) => {
    const cited = s.sources.map((source) => ({ source, citation: citationOf(source.article) }));
    return [
    s.date,
    s.dateRange?.from ?? null,
    s.dateRange?.to ?? null,
    // No report gives a day: date_from–date_to is the day before the earliest report through it.
    s.rangeFromPublication ? "true" : "false",
    ...speakerAndScore(s),
    s.sourceCount,
    s.text,
    s.context,
    reportOf(s.sources.map((source) => source.direct)),
    explanationText(s),
    s.weightVersion,
    s.id,
    lines(cited.map(({ citation }) => citation.outlet ?? citation.file)),
    lines(cited.map(({ citation }) => citation.title)),
    lines(cited.map(({ citation }) => citation.url)),
    lines(cited.map(({ citation }) => citation.published)),
    lines(cited.map(({ source }) => source.quote)),
  ];
  });
}

export function sourceRecords(rows: SourceExportRow[]): Cell[][] {
  return rows.map(({ statement: s, source }) => {
    const citation = citationOf(source.article);
    return [
      s.id,
      s.date,
      ...speakerAndScore(s),
      s.text,
      reportOf([source.direct]),
      citation.outlet,
      citation.title,
      citation.url,
      citation.published,
      source.quote,
      source.context,
      source.dateRange?.from ?? null,
      source.dateRange?.to ?? null,
      source.article.path,
    ];
  });
}

/** Streams pages of rows as CSV, header first, pulling the next page only when the client reads. */
export function csvStream<T>(columns: readonly string[], toRecords: (page: T[]) => Cell[][], pages: AsyncIterator<T[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) {
          if (header) controller.enqueue(encoder.encode(toCsv(columns, [], true)));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(toCsv(columns, toRecords(next.value), header)));
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

export const statementsCsvStream = (pages: AsyncIterator<StatementExportRow[]>) => csvStream(STATEMENT_COLUMNS, statementRecords, pages);
export const sourcesCsvStream = (pages: AsyncIterator<SourceExportRow[]>) => csvStream(SOURCE_COLUMNS, sourceRecords, pages);
