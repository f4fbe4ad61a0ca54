// The statements CSV cites its sources: context, direct or reported, each report's outlet, title,
// link, publication day and words, and an export with a row per report. CAMEO codes stay text
// in a spreadsheet; numbers are rounded to two decimals.
import { parse as parseCsv } from "csv-parse/sync";
import { SOURCE_COLUMNS, sourceRecords, sourcesCsvStream, STATEMENT_COLUMNS, statementRecords, statementsCsvStream } from "../lib/view/csv";
import { citationOf, citationText } from "../lib/view/citation";
import { perSource, type StatementExportRow } from "../lib/read/statement-export";
import type { SourceView } from "../lib/read/statements";

function source(over: Partial<Omit<SourceView, "article">> & { article?: Partial<SourceView["article"]> } = {}): SourceView {
  return {
    quote: "we welcome the talks",
    context: "Ola Berg said: we welcome the talks.",
    dateRange: null,
    direct: true,
    ...over,
    article: { title: "Norway welcomes talks", source: "Nordic Wire", url: "https://www.nordicwire.example/talks", published: "2026-01-04", path: "corpus/001.txt", ...over.article },
  };
}

function statement(over: Partial<StatementExportRow> = {}): StatementExportRow {
  return {
    id: "0123456789abcdef",
    date: "2026-01-04",
    dateRange: null,
    rangeFromPublication: false,
    speaker: "Ola Berg",
    speakerCountry: "Norway",
    target: "Sweden",
    text: "we welcome the talks",
    context: "Ola Berg said on Sunday: we welcome the talks.",
    score: 2.3456,
    label: "conciliatory",
    cameo: "036",
    weightVersion: 1,
    sourceCount: 2,
    contributions: [{ feature: "rule:welcome", value: 1, weight: 2.3456, points: 2.3456, name: "Welcome", explanation: "", cameo: "036", evidence: "welcome", modifiers: [] }],
    sources: [
      source(),
      source({ quote: "they welcomed the talks", direct: false, article: { title: "Talks welcomed", source: null, url: "https://news.example.org/a?b=1", published: "2026-01-05", path: "corpus/002.txt" } }),
    ],
    ...over,
  };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* pages<T>(...all: T[][]): AsyncGenerator<T[]> {
  for (const page of all) yield page;
}

describe("statements CSV", () => {
  it("gives each statement its context, whether a report quotes it, and its sources line by line", async () => {
    const csv = await text(statementsCsvStream(pages([statement()])));
    expect(csv.split("\r\n")[0]).toBe(STATEMENT_COLUMNS.join(","));
    const [row] = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(row.context).toBe("Ola Berg said on Sunday: we welcome the talks.");
    expect(row.report).toBe("direct");
    expect(row.source_outlets.split("\n")).toEqual(["Nordic Wire", "news.example.org"]);
    expect(row.source_titles.split("\n")).toEqual(["Norway welcomes talks", "Talks welcomed"]);
    expect(row.source_urls.split("\n")).toEqual(["https://www.nordicwire.example/talks", "https://news.example.org/a?b=1"]);
    expect(row.source_days.split("\n")).toEqual(["2026-01-04", "2026-01-05"]);
    expect(row.source_words.split("\n")).toEqual(["we welcome the talks", "they welcomed the talks"]);
  });

  it("says reported only when every report paraphrases, and nothing when it was not recorded", () => {
    const report = (direct: Array<boolean | null>) =>
      statementRecords([statement({ sources: direct.map((d) => source({ direct: d })) })])[0][STATEMENT_COLUMNS.indexOf("report")];
    expect(report([false, false])).toBe("reported");
    expect(report([false, true])).toBe("direct");
    expect(report([null])).toBeNull();
    expect(report([])).toBeNull();
  });

  it("keeps a CAMEO code's leading zero as spreadsheet text and rounds numbers to two decimals", async () => {
    const csv = await text(statementsCsvStream(pages([statement()])));
    expect(csv).toContain(',"=""036""",');
    const [row] = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(row.cameo).toBe('="036"');
    expect(row.score).toBe("2.35");
    expect(row.explanation).toBe('Welcome ("welcome"): 1 × 2.35 = 2.35');
  });

  it("still guards text a spreadsheet would run as a formula, a code that is no digits included", async () => {
    const csv = await text(statementsCsvStream(pages([statement({ cameo: "=1+1", text: "=HYPERLINK()" })])));
    const [parsed] = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect([parsed.cameo, parsed.text]).toEqual(["'=1+1", "'=HYPERLINK()"]);
  });
});

describe("the export with a row per source", () => {
  it("writes each report of each statement with its citation, in the statements' order", async () => {
    const second = statement({ id: "fedcba9876543210", cameo: null, sources: [source({ article: { source: null, url: null, title: "", published: null, path: "corpus/003.txt" } })] });
    const csv = await text(sourcesCsvStream(perSource(pages([statement()], [second]))));
    expect(csv.split("\r\n")[0]).toBe(SOURCE_COLUMNS.join(","));
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.statement_id, r.outlet, r.report, r.published])).toEqual([
      ["0123456789abcdef", "Nordic Wire", "direct", "2026-01-04"],
      ["0123456789abcdef", "news.example.org", "reported", "2026-01-05"],
      ["fedcba9876543210", "", "direct", ""],
    ]);
    expect(rows[0]).toMatchObject({ title: "Norway welcomes talks", url: "https://www.nordicwire.example/talks", words: "we welcome the talks", cameo: '="036"', score: "2.35", file: "corpus/001.txt" });
    expect(rows[2]).toMatchObject({ title: "", url: "", cameo: "", file: "corpus/003.txt" });
  });

  it("writes the header alone when nothing matches", async () => {
    expect(await text(sourcesCsvStream(perSource(pages<StatementExportRow>())))).toBe(`${SOURCE_COLUMNS.join(",")}\r\n`);
    expect(sourceRecords([])).toEqual([]);
  });
});

describe("citations", () => {
  it("cite outlet, title, day and link from front matter; the site when no outlet is named", () => {
    expect(citationOf(source().article)).toEqual({ outlet: "Nordic Wire", title: "Norway welcomes talks", url: "https://www.nordicwire.example/talks", published: "2026-01-04", file: null });
    expect(citationOf(source({ article: { source: null } }).article).outlet).toBe("nordicwire.example");
    expect(citationText(citationOf(source().article))).toBe("Nordic Wire, “Norway welcomes talks”, 4 Jan 2026, https://www.nordicwire.example/talks");
  });

  it("never link anything but a web address, and name the file only when nothing else is known", () => {
    const unsafe = citationOf(source({ article: { source: null, url: "javascript:alert(1)" } }).article);
    expect([unsafe.url, unsafe.outlet]).toEqual([null, null]);
    const bare = citationOf({ title: " ", source: null, url: null, published: null, path: "seeds/000_abc.txt" });
    expect(bare.file).toBe("000_abc.txt");
    expect(citationText(bare)).toBe("000_abc.txt");
    expect(citationOf({ title: "A headline", source: null, url: null, published: null, path: "seeds/000_abc.txt" }).file).toBeNull();
  });
});
