import { parse as parseCsv } from "csv-parse/sync";
import { seriesCsv, STATEMENT_COLUMNS, statementRecords } from "../lib/view/csv";
import { round2, shortQuote, type SeriesInfo, type SeriesPoint } from "../lib/read/series";
import { chartRows, largestSwing } from "../lib/view/chart";
import { seriesRows } from "../lib/view/series-rows";
import { wholePeriods } from "../lib/core/days";

function point(series: string, date: string, index: number, statements = 1): SeriesPoint {
  return { date, series, speaker: series, speakerCountry: null, target: null, index, statements, min: index, max: index };
}
const info = (key: string): SeriesInfo => ({ key, label: key.toUpperCase(), statements: 1, days: 1 });

describe("largestSwing", () => {
  it("compares consecutive data points of one series, skipping days without statements", () => {
    const points = [point("a", "2026-01-01", -2), point("a", "2026-01-05", 1), point("b", "2026-01-02", 6), point("a", "2026-01-09", 9), point("b", "2026-01-03", -4)];
    expect(largestSwing(points, [info("a"), info("b")])).toEqual({
      series: "b",
      label: "B",
      from: { date: "2026-01-02", index: 6 },
      to: { date: "2026-01-03", index: -4 },
      change: -10,
    });
  });

  it("needs two points of one series", () => {
    expect(largestSwing([point("a", "2026-01-01", 5), point("b", "2026-01-02", -5)], [info("a"), info("b")])).toBeNull();
  });
});

describe("chartRows", () => {
  it("lays out every day with null where a series said nothing (a gap, not a zero)", () => {
    const rows = chartRows([point("a", "2026-01-30", -5), point("a", "2026-02-02", 6), point("b", "2026-01-31", 1)], ["a", "b"]);
    expect(rows).toEqual([
      { date: "2026-01-30", a: -5, b: null },
      { date: "2026-01-31", a: null, b: 1 },
      { date: "2026-02-01", a: null, b: null },
      { date: "2026-02-02", a: 6, b: null },
    ]);
  });
});

describe("shortQuote", () => {
  it("prefers the words the strongest rule matched", () => {
    expect(shortQuote("Well, an embargo would suit us fine.", "suit us fine + embargo")).toBe("suit us fine");
  });
  it("falls back to the first words of the statement", () => {
    expect(shortQuote("“We will never accept these terms from anyone.”", null)).toBe("We will never accept these…");
    expect(shortQuote("Never.", null)).toBe("Never");
  });
});

describe("CSV export", () => {
  const points = [
    { ...point("=cmd|' /C calc'!A0", "2026-01-04", -6.2, 5), speaker: "=cmd|' /C calc'!A0", target: "@SUM(A1)" },
    { ...point("Ana, \"the\" Minister", "2026-01-05", 3.25, 2), speaker: "Ana, \"the\" Minister", target: "+Land\nNorth" },
  ];
  const csv = seriesCsv(
    seriesRows(points, points.map((p) => ({ key: p.series, label: p.series, statements: 1, days: 1 }))),
    "day",
  );

  it("starts with the documented header and quotes per RFC 4180", () => {
    expect(csv.split("\r\n")[0]).toBe("date,speaker,index,statements,series,speaker_country,target,min,max,period");
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(2);
    expect(records[1].speaker).toBe("Ana, \"the\" Minister");
    expect(records[1].target).toBe("'+Land\nNorth");
  });

  it("guards formula-like text but leaves negative numbers alone", () => {
    const records = parseCsv(csv, { columns: true }) as Record<string, string>[];
    expect(records[0].speaker).toBe("'=cmd|' /C calc'!A0");
    expect(records[0].target).toBe("'@SUM(A1)");
    expect(records[0].index).toBe("-6.2");
    expect(records[0].min).toBe("-6.2");
  });

  it("explains each statement row with its non-zero contributions", () => {
    const [row] = statementRecords([
      {
        id: "x",
        date: null,
        dateRange: { from: "2026-01-03", to: "2026-01-04" },
        rangeFromPublication: true,
        speaker: "Ana Silva",
        speakerCountry: "Brazil",
        target: "China",
        text: "-we reject it",
        context: "Ana Silva said: we reject it.",
        sources: [],
        score: -3.4,
        label: "hostile",
        cameo: "12",
        weightVersion: 2,
        sourceCount: 3,
        contributions: [
          { feature: "lexicon", value: 0, weight: 2, points: 0, name: "Word sentiment", explanation: "", cameo: null, evidence: null, modifiers: [] },
          { feature: "rule:reject", value: 1, weight: -3.4, points: -3.4, name: "Rejection", explanation: "", cameo: "12", evidence: "reject", modifiers: [] },
        ],
      },
    ]);
    expect(row).toContain(-3.4);
    expect(row).toContain('Rejection ("reject"): 1 × -3.4 = -3.4');
    expect(row[STATEMENT_COLUMNS.indexOf("sources")]).toBe(3);
    expect([row[STATEMENT_COLUMNS.indexOf("date_from")], row[STATEMENT_COLUMNS.indexOf("range_from_publication")]]).toEqual(["2026-01-03", "true"]);
  });
});

test("the whole weeks and months of a date range are the ones it covers from their first to their last day", () => {
  // 2026-01-05 is a Monday, 2026-01-11 the Sunday after it.
  expect(wholePeriods("2026-01-05", "2026-01-11", "week")).toEqual({ first: "2026-01-05", last: "2026-01-05" });
  expect(wholePeriods("2026-01-06", "2026-01-25", "week")).toEqual({ first: "2026-01-12", last: "2026-01-19" });
  expect(wholePeriods("2026-01-06", "2026-01-17", "week")).toBeNull();
  expect(wholePeriods(null, "2026-01-10", "week")).toEqual({ first: null, last: "2025-12-29" });
  expect(wholePeriods("2026-01-06", null, "week")).toEqual({ first: "2026-01-12", last: null });
  expect(wholePeriods("2026-02-01", "2026-02-28", "month")).toEqual({ first: "2026-02-01", last: "2026-02-01" });
  expect(wholePeriods("2026-01-15", "2026-04-29", "month")).toEqual({ first: "2026-02-01", last: "2026-03-01" });
  expect(wholePeriods("2026-01-15", "2026-02-27", "month")).toBeNull();
  expect(wholePeriods(null, null, "month")).toEqual({ first: null, last: null });
});

test("a mean that rounds to zero from below is a plain 0, as the database gives it", () => {
  expect(Object.is(round2(-0.001), 0)).toBe(true);
  expect(round2(-0.006)).toBe(-0.01);
});
