// The dashboard's read side on a store holding the seed corpus: aggregation done in the
// database must equal the same arithmetic over every stored statement, filters select
// the same statements everywhere, and the route handlers answer as documented.
import { NextRequest } from "next/server";
import { parse as parseCsv } from "csv-parse/sync";
import { GET as exportGet } from "../app/api/export/route";
import { GET as seriesGet } from "../app/api/series/route";
import { GET as statementsExportGet } from "../app/api/statements/export/route";
import { GET as statementsGet } from "../app/api/statements/route";
import { GET as sourcesGet } from "../app/api/statements/[id]/sources/route";
import { loadDashboard } from "../lib/view/dashboard";
import { disconnect } from "../lib/store/client";
import { DEFAULT_TABLE, parseFilters, parseTableOptions, type Filters } from "../lib/read/filters";
import { analyzeBatch, type BatchResult } from "../lib/ingest/batch";
import { querySeries } from "../lib/read/series-query";
import { queryStatements, TABLE_TEXT_CHARS } from "../lib/read/statements";
import { ingestBatch } from "../lib/store/ingest";
import type { StoredStatement } from "../lib/store/rows";
import { listStatements } from "../lib/store/statements";
import { speakerKey } from "../lib/ingest/merge";
import { backends, type Backend } from "./helpers/backends";
import { readDir } from "./helpers/analysis";

const filters = (qs = "") => parseFilters(new URLSearchParams(qs));

/** The daily mean per speaker computed in memory: what the database must agree with. */
function referenceSeries(all: StoredStatement[], keep: (s: StoredStatement) => boolean) {
  const groups = new Map<string, number[]>();
  for (const s of all) {
    if (!s.date || !s.speaker || !keep(s)) continue;
    const key = `${speakerKey(s.speaker)}|${s.date}`;
    groups.set(key, [...(groups.get(key) ?? []), s.score]);
  }
  return new Map([...groups].map(([key, scores]) => [key, { mean: scores.reduce((a, b) => a + b, 0) / scores.length, n: scores.length }]));
}

function request(path: string): NextRequest {
  return new NextRequest(new URL(path, "http://localhost"));
}

describe.each(backends)("dashboard queries on %s", (_name, open) => {
  let backend: Backend;
  let all: StoredStatement[];
  let batch: BatchResult;
  const savedUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    backend = await open();
    batch = analyzeBatch(readDir("seeds"));
    await ingestBatch(backend.prisma, batch);
    all = await listStatements(backend.prisma, { limit: 10_000 });
    process.env.DATABASE_URL = backend.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = savedUrl;
    await disconnect();
    await backend.cleanup();
  });

  it("aggregates in the database exactly as the statements add up", async () => {
    const reference = referenceSeries(all, () => true);
    const { points, series, omittedSeries } = await querySeries(backend.prisma, { ...filters(), top: 50 });
    expect(omittedSeries).toBe(0);
    expect(points.length).toBe(reference.size);
    for (const p of points) {
      const expected = reference.get(`${p.series}|${p.date}`);
      expect(expected).toBeDefined();
      // The index is the mean in hundredths: a mean ending in a half hundredth is 0.005 away.
      expect(Math.abs(p.index - expected!.mean)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(p.statements).toBe(expected!.n);
    }
    expect(series.reduce((n, s) => n + s.statements, 0)).toBe([...reference.values()].reduce((n, r) => n + r.n, 0));
  });

  it("shows the seed corpus swing: hostile band on 2026-01-04, conciliatory band on 2026-01-07", async () => {
    const d = await loadDashboard(backend.prisma, filters(), DEFAULT_TABLE);
    // The president's line swings; the busiest line may be another speaker's.
    const swinging = d.series.find((s) => s.label === d.swing?.label)!;
    expect(swinging.label).toBe("Donald Trump");
    const day = (date: string) => d.rows.find((r) => r.series === swinging.label && r.date === date);
    expect(day("2026-01-04")!.index).toBeLessThanOrEqual(d.thresholds.hostile);
    expect(day("2026-01-07")!.index).toBeGreaterThanOrEqual(d.thresholds.conciliatory);
    expect(d.swing).toMatchObject({ label: swinging.label, from: { date: "2026-01-04" }, to: { date: "2026-01-07" } });
    // Each label sits on its series' most hostile or most conciliatory point and quotes a
    // statement of that point on its side; the president's are his most widely reported direct quotes.
    for (const a of d.annotations) {
      const indexes = d.rows.filter((r) => d.series.find((s) => s.key === a.series)?.label === r.series).map((r) => r.index);
      expect(a.y).toBe(a.side === "hostile" ? Math.min(...indexes) : Math.max(...indexes));
      expect(a.y).toBe(d.details[`${a.series}|${a.date}`].index);
      expect(Math.sign(a.score)).toBe(a.side === "hostile" ? -1 : 1);
      expect(a.short.length).toBeGreaterThan(0);
    }
    const president = d.annotations.filter((a) => a.series === swinging.key);
    expect(president.map((a) => [a.side, a.date, a.short])).toEqual([
      ["hostile", "2026-01-04", "sounds good"],
      ["conciliatory", "2026-01-07", "Great Honor"],
    ]);
    for (const a of president) {
      const rivals = all.filter((s) => s.date === a.date && speakerKey(s.speaker) === a.series && Math.sign(s.score) === Math.sign(a.score) && s.label !== "neutral");
      const direct = rivals.filter((s) => s.sources.some((src) => src.direct));
      expect(direct.every((s) => s.sources.length <= a.sources)).toBe(true);
      expect(a.directSources).toBeGreaterThan(0);
    }
    expect(d.chart.map((r) => r.date)).toEqual(["2026-01-04", "2026-01-05", "2026-01-06", "2026-01-07"]);
    expect(d.chart[2][swinging.key]).toBeNull();
  });

  it("applies every filter the same way to chart and table", async () => {
    const cases: Array<[string, (s: StoredStatement) => boolean]> = [
      ["from=2026-01-05&to=2026-01-07", (s) => s.date !== null && s.date >= "2026-01-05" && s.date <= "2026-01-07"],
      ["label=hostile", (s) => s.label === "hostile"],
      ["q=HONOR", (s) => /honor/i.test(`${s.text} ${s.context} ${s.speaker ?? ""} ${s.target ?? ""}`)],
      [`speaker=${encodeURIComponent(all[0].speaker!.toUpperCase())}`, (s) => speakerKey(s.speaker) === speakerKey(all[0].speaker)],
      [
        `dyad=${encodeURIComponent(`${all[0].speakerCountry}>${all[0].target}`)}`,
        (s) => s.speakerCountry === all[0].speakerCountry && s.target === all[0].target,
      ],
    ];
    for (const [qs, keep] of cases) {
      const f: Filters = { ...filters(qs), top: 50 };
      const reference = referenceSeries(all, keep);
      const { points } = await querySeries(backend.prisma, f);
      expect([qs, points.length]).toEqual([qs, reference.size]);
      const table = await queryStatements(backend.prisma, f, { ...DEFAULT_TABLE, limit: 1000 });
      const dated = table.rows.filter((s) => s.date);
      expect([qs, dated.length]).toEqual([qs, all.filter((s) => s.date && keep(s)).length]);
    }
  });

  it("includes statements known only to a day range when the range overlaps the filter", async () => {
    const ranged = all.find((s) => !s.date && s.dateRange);
    expect(ranged).toBeDefined();
    const inside = await queryStatements(backend.prisma, filters(`from=${ranged!.dateRange!.to}&to=${ranged!.dateRange!.to}`), { ...DEFAULT_TABLE, limit: 1000 });
    expect(inside.rows.map((r) => r.id)).toContain(ranged!.id);
    const after = await queryStatements(backend.prisma, filters(`from=2099-01-01`), DEFAULT_TABLE);
    expect(after.total).toBe(0);
  });

  it("sorts and pages the table, and explanations sum to the score", async () => {
    const byScore = await queryStatements(backend.prisma, filters(), parseTableOptions(new URLSearchParams("sort=score&dir=asc&limit=1000")));
    expect(byScore.total).toBe(all.length);
    const scores = byScore.rows.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const page2 = await queryStatements(backend.prisma, filters(), parseTableOptions(new URLSearchParams("sort=score&dir=asc&limit=10&offset=10")));
    expect(page2.rows.map((r) => r.id)).toEqual(byScore.rows.slice(10, 20).map((r) => r.id));
    const bySources = await queryStatements(backend.prisma, filters(), parseTableOptions(new URLSearchParams("sort=sources&limit=1000")));
    const counts = bySources.rows.map((r) => r.sources.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const row of byScore.rows) {
      const sum = row.contributions.reduce((total, c) => total + Math.round(c.points * 100), 0) / 100;
      expect(sum).toBeCloseTo(row.score, 2);
      expect(row.sources.length).toBeGreaterThan(0);
      for (const c of row.contributions.filter((c) => c.feature.startsWith("rule:"))) {
        expect(c.cameo).toMatch(/^\d{2,4}$/);
        expect(c.explanation.length).toBeGreaterThan(10);
      }
    }
  });

  it("GET /api/series returns the chart's rows; GET /api/export the same rows as CSV", async () => {
    const qs = "from=2026-01-01&to=2026-01-31";
    const json = await (await seriesGet(request(`/api/series?${qs}`))).json();
    expect(json.rows.length).toBeGreaterThan(0);
    expect(Object.keys(json.rows[0]).slice(0, 4)).toEqual(["date", "speaker", "index", "statements"]);

    const response = await exportGet(request(`/api/export?${qs}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tension-index-series_2026-01-01_to_2026-01-31\.csv"/);
    const text = await response.text();
    expect(text.startsWith("date,speaker,index,statements")).toBe(true);
    const records = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.date, r.speaker, Number(r.index), Number(r.statements)])).toEqual(
      json.rows.map((r: { date: string; speaker: string; index: number; statements: number }) => [r.date, r.speaker ?? "", r.index, r.statements]),
    );
  });

  it("GET /api/series and /api/export give one point per series and week when asked, dated by the week's Monday", async () => {
    const qs = "from=2026-01-01&to=2026-01-31";
    const daily = await (await seriesGet(request(`/api/series?${qs}`))).json();
    expect(daily.resolution).toBe("day");
    const weekly = await (await seriesGet(request(`/api/series?${qs}&resolution=week`))).json();
    expect(weekly.resolution).toBe("week");
    expect(weekly.rows.length).toBeGreaterThan(0);
    expect(weekly.rows.length).toBeLessThan(daily.rows.length);
    for (const row of weekly.rows) expect(new Date(`${row.date}T00:00:00Z`).getUTCDay()).toBe(1);
    // Each week's count is the sum of its days' counts.
    const total = (rows: Array<{ statements: number }>) => rows.reduce((n, r) => n + r.statements, 0);
    expect(total(weekly.rows)).toBe(total(daily.rows));
    const csv = parseCsv(await (await exportGet(request(`/api/export?${qs}&resolution=week`))).text(), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.date, r.period])).toEqual(weekly.rows.map((r: { date: string }) => [r.date, "week"]));
  });

  it("GET /api/statements pages the filtered statements; its CSV export streams all of them", async () => {
    const json = await (await statementsGet(request("/api/statements?label=hostile&limit=5"))).json();
    expect(json.limit).toBe(5);
    expect(json.rows).toHaveLength(5);
    expect(json.total).toBe(all.filter((s) => s.label === "hostile").length);
    expect(json.rows[0].contributions[0]).toHaveProperty("explanation");

    const response = await statementsExportGet(request("/api/statements/export?label=hostile"));
    expect(response.headers.get("content-disposition")).toMatch(/tension-index-statements_all-dates\.csv/);
    const records = parseCsv(await response.text(), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(json.total);
    expect(records.every((r) => r.label === "hostile")).toBe(true);
    // The same reports count and explanation as the table shows.
    const csvById = new Map(records.map((r) => [r.id, r]));
    for (const row of json.rows as Array<{ id: string; sources: unknown[]; score: number; contributions: Array<{ points: number }> }>) {
      expect(Number(csvById.get(row.id)?.sources)).toBe(row.sources.length);
      expect(Number(csvById.get(row.id)?.score)).toBe(row.score);
      expect(csvById.get(row.id)?.explanation.split("; ").length).toBe(row.contributions.filter((c) => c.points !== 0).length);
    }
  });

  it("the statements CSV cites every report; per=source writes a row per report, in the same order", async () => {
    const json = await (await statementsGet(request("/api/statements?limit=1000"))).json();
    const rows = json.rows as Array<{ id: string; cameo: string | null; sources: Array<{ quote: string; direct: boolean | null; article: { title: string; path: string } }> }>;
    const statements = parseCsv(await (await statementsExportGet(request("/api/statements/export"))).text(), { columns: true }) as Record<string, string>[];
    const perStatement = new Map(statements.map((r) => [r.id, r]));
    for (const row of rows) {
      const csv = perStatement.get(row.id)!;
      expect(csv.source_words.split("\n")).toEqual(row.sources.map((s) => s.quote));
      expect(csv.source_titles.split("\n")).toEqual(row.sources.map((s) => s.article.title));
      expect(csv.report).toBe(row.sources.some((s) => s.direct) ? "direct" : "reported");
      expect(csv.cameo).toBe(row.cameo === null ? "" : `="${row.cameo}"`);
    }

    const response = await statementsExportGet(request("/api/statements/export?per=source"));
    expect(response.headers.get("content-disposition")).toMatch(/tension-index-sources_all-dates\.csv/);
    const sources = parseCsv(await response.text(), { columns: true }) as Record<string, string>[];
    expect(sources.map((r) => [r.statement_id, r.words, r.file])).toEqual(statements.flatMap((s) => rows.find((row) => row.id === s.id)!.sources.map((source) => [s.id, source.quote, source.article.path])));
    expect((await statementsExportGet(request("/api/statements/export?per=article"))).status).toBe(400);
  });

  it("GET /api/statements says of each source whether it quotes the speaker or reports the speech", async () => {
    const json = await (await statementsGet(request("/api/statements?limit=1000"))).json();
    const analyzed = new Map(batch.statements.flatMap((s) => s.sources.map((source) => [`${s.id}|${source.path}|${source.quote}`, source.direct])));
    const flags = (json.rows as Array<{ id: string; sources: Array<{ quote: string; direct: unknown; article: { path: string } }> }>).flatMap((row) =>
      row.sources.map((source) => ({ analyzed: analyzed.get(`${row.id}|${source.article.path}|${source.quote}`), served: source.direct })),
    );
    expect(flags).toHaveLength(batch.statements.reduce((n, s) => n + s.sources.length, 0));
    for (const flag of flags) expect(flag.served).toBe(flag.analyzed);
    expect(new Set(flags.map((flag) => flag.served))).toEqual(new Set([true, false]));
  });

  it("the dashboard's table rows carry their source count and shown text; GET /api/statements/<id>/sources the rest", async () => {
    const d = await loadDashboard(backend.prisma, filters(), { ...DEFAULT_TABLE, limit: 1000 });
    const full = await (await statementsGet(request("/api/statements?limit=1000"))).json();
    expect(d.statements.rows.map((r) => r.id)).toEqual(full.rows.map((r: { id: string }) => r.id));
    for (const [i, row] of d.statements.rows.entries()) {
      const view = full.rows[i];
      expect(row).not.toHaveProperty("sources");
      expect(row).not.toHaveProperty("context");
      expect(row.sourceCount).toBe(view.sources.length);
      expect(row.contributions).toEqual(view.contributions);
      expect(row.textClipped).toBe(view.text.length > TABLE_TEXT_CHARS);
      expect(row.text).toBe(row.textClipped ? `${view.text.slice(0, TABLE_TEXT_CHARS).trimEnd()}…` : view.text);
    }

    const many = full.rows.find((r: { sources: unknown[] }) => r.sources.length > 1);
    const response = await sourcesGet(request(`/api/statements/${many.id}/sources`), { params: Promise.resolve({ id: many.id }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: many.id, text: many.text, context: many.context, sources: many.sources });

    const unknown = await sourcesGet(request("/api/statements/0123456789abcdef/sources"), { params: Promise.resolve({ id: "0123456789abcdef" }) });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBe("no statement has the id 0123456789abcdef");
    const malformed = await sourcesGet(request("/api/statements/x'--/sources"), { params: Promise.resolve({ id: "x'--" }) });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: "id: a statement id is 16 hexadecimal digits", param: "id" });
  });

  it.each([
    ["/api/series?from=2026-02-31", "from"],
    ["/api/series?label=furious", "label"],
    ["/api/export?to=2026-01-01&from=2026-02-01", "to"],
    ["/api/export?speakr=x", "speakr"],
    ["/api/statements?limit=100000", "limit"],
    ["/api/statements?sort=loudness", "sort"],
    ["/api/statements/export?offset=-1", "offset"],
  ])("GET %s → 400 naming %s", async (path, param) => {
    const handler = path.startsWith("/api/series") ? seriesGet : path.startsWith("/api/export") ? exportGet : path.startsWith("/api/statements/export") ? statementsExportGet : statementsGet;
    const response = await handler(request(path));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.param).toBe(param);
    expect(body.error).toContain(param);
  });
});
