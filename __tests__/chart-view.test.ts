// The dashboard chart's pure parts: which point and statement label a series' extremes,
// labels laid out without overlaps, series grouped into one panel per pair of countries,
// solid runs and gaps of a line, events placed in a panel's span, and the filter summary.
import { chooseAnnotations, extremePoints } from "../lib/view/annotations";
import { overlaps, placeLabels, type Box, type LabelRequest } from "../lib/view/label-layout";
import { countColumn, dataRuns, groupPanels, MIXED_PANEL_TITLE } from "../lib/view/panels";
import { eventsInSpan } from "../lib/view/events";
import { filterSummary } from "../lib/view/filter-summary";
import { emptyFilters } from "../lib/read/filters";
import type { AnnotationCandidate, SeriesInfo, SeriesPoint } from "../lib/read/series";

function point(series: string, date: string, index: number, statements = 1, pair: [string, string] | null = null): SeriesPoint {
  return { date, series, speaker: series, speakerCountry: pair?.[0] ?? null, target: pair?.[1] ?? null, index, statements, min: index, max: index };
}

function candidate(id: string, series: string, date: string, score: number, sources: number, directSources: number): AnnotationCandidate {
  return { id, series, date, score, sources, directSources, label: score < 0 ? "hostile" : "conciliatory", text: `words of ${id}`, short: id };
}

describe("extremePoints", () => {
  it("takes each series' lowest point below zero and highest above, busier then later on ties", () => {
    const points = [
      point("a", "2026-01-01", -3, 1),
      point("a", "2026-01-02", -3, 2),
      point("a", "2026-01-03", 4),
      point("a", "2026-01-04", 4),
      point("b", "2026-01-02", 2),
      point("b", "2026-01-03", 0),
    ];
    expect(extremePoints(points)).toEqual([
      { series: "a", date: "2026-01-02", side: "hostile", index: -3 },
      { series: "a", date: "2026-01-04", side: "conciliatory", index: 4 },
      { series: "b", date: "2026-01-02", side: "conciliatory", index: 2 },
    ]);
  });
});

describe("chooseAnnotations", () => {
  const extremes = extremePoints([point("a", "2026-01-01", -5, 3), point("a", "2026-01-02", 4, 2)]);

  it("labels a point with its most widely reported direct quote on its side, the stronger score on a tie", () => {
    const chosen = chooseAnnotations(extremes, [
      candidate("strongest", "a", "2026-01-01", -9, 1, 1),
      candidate("widest", "a", "2026-01-01", -3, 3, 2),
      candidate("widest-but-reported", "a", "2026-01-01", -8, 5, 0),
      candidate("other-side", "a", "2026-01-01", 6, 9, 9),
      candidate("tie-weak", "a", "2026-01-02", 2, 2, 1),
      candidate("tie-strong", "a", "2026-01-02", 5, 2, 2),
      candidate("elsewhere", "a", "2026-01-03", 9, 9, 9),
    ]);
    expect(chosen.map((c) => [c.id, c.side, c.y])).toEqual([
      ["widest", "hostile", -5],
      ["tie-strong", "conciliatory", 4],
    ]);
  });

  it("falls back to reported speech, and leaves a point without a statement on its side unlabelled", () => {
    const chosen = chooseAnnotations(extremes, [candidate("reported", "a", "2026-01-01", -2, 2, 0), candidate("wrong-side", "a", "2026-01-02", -1, 4, 4)]);
    expect(chosen.map((c) => c.id)).toEqual(["reported"]);
  });
});

describe("placeLabels", () => {
  const bounds: Box = { x: 0, y: 0, width: 400, height: 300 };
  const request = (id: string, anchorX: number, anchorY: number, prefer: "above" | "below" = "above", width = 120): LabelRequest => ({ id, anchorX, anchorY, width, height: 18, prefer });

  it("keeps labels apart, off obstacles and dots, and inside the plot", () => {
    const requests = [request("a", 100, 100), request("b", 110, 102), request("c", 105, 98, "below"), request("d", 395, 5), request("e", 5, 295, "below")];
    const obstacle: Box = { x: 40, y: 60, width: 100, height: 14 };
    const placed = placeLabels(requests, bounds, [obstacle]);
    expect(placed.map((p) => p.id)).toEqual(["a", "b", "c", "d", "e"]);
    for (const [i, p] of placed.entries()) {
      expect(overlaps(p.box, obstacle)).toBe(false);
      expect(p.box.x).toBeGreaterThanOrEqual(0);
      expect(p.box.y).toBeGreaterThanOrEqual(0);
      expect(p.box.x + p.box.width).toBeLessThanOrEqual(400);
      expect(p.box.y + p.box.height).toBeLessThanOrEqual(300);
      for (const other of placed.slice(i + 1)) expect(overlaps(p.box, other.box)).toBe(false);
      for (const r of requests) expect(overlaps(p.box, { x: r.anchorX - 7, y: r.anchorY - 7, width: 14, height: 14 })).toBe(false);
    }
    // Where the preferred side is blocked (an obstacle above a, no room above d), the other side.
    expect(placed[0].box.y).toBeGreaterThan(100);
    expect(placed[3].box.y).toBeGreaterThan(5);
    // A free label sits centred on its preferred side.
    const [alone] = placeLabels([request("x", 200, 150, "below")], bounds, []);
    expect(alone.box).toEqual({ x: 140, y: 160, width: 120, height: 18 });
  });

  it("leaves a label out when no free spot is within reach rather than overlap", () => {
    const tiny: Box = { x: 0, y: 0, width: 130, height: 60 };
    const placed = placeLabels([request("a", 60, 30), request("b", 62, 31), request("c", 64, 29)], tiny, []);
    expect(placed.length).toBeLessThan(3);
    for (const [i, p] of placed.entries()) for (const other of placed.slice(i + 1)) expect(overlaps(p.box, other.box)).toBe(false);
  });
});

describe("groupPanels", () => {
  const info = (key: string): SeriesInfo => ({ key, label: key, statements: 1, days: 1 });

  it("puts both directions of a pair in one panel, each panel over its own span, with counts per period", () => {
    const points = [
      point("Norway>Sweden", "2026-01-01", -2, 2, ["Norway", "Sweden"]),
      point("Sweden>Norway", "2026-01-03", 3, 1, ["Sweden", "Norway"]),
      point("Norway>Denmark", "2026-02-01", 1, 4, ["Norway", "Denmark"]),
      point("Norway>Denmark", "2026-02-02", 2, 1, ["Norway", "Denmark"]),
    ];
    const panels = groupPanels([info("Norway>Sweden"), info("Norway>Denmark"), info("Sweden>Norway")], points, "day");
    expect(panels.map((p) => [p.title, p.series])).toEqual([
      ["Norway ↔ Sweden", ["Norway>Sweden", "Sweden>Norway"]],
      ["Norway ↔ Denmark", ["Norway>Denmark"]],
    ]);
    expect(panels[0].rows.map((r) => r.date)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
    expect(panels[1].rows.map((r) => r.date)).toEqual(["2026-02-01", "2026-02-02"]);
    expect(panels[0].rows[0][countColumn("Norway>Sweden")]).toBe(2);
    expect(panels[0].rows[1][countColumn("Norway>Sweden")]).toBeNull();
    expect(panels[0].rows[2]["Sweden>Norway"]).toBe(3);
  });

  it("puts a speaker with the pair they speak about most, and speakers without one last", () => {
    const points = [
      point("ola", "2026-01-01", -2, 3, ["Norway", "Sweden"]),
      point("ola", "2026-01-02", -2, 1, ["Norway", "Denmark"]),
      point("nobody", "2026-01-01", 1, 5),
      point("karin", "2026-01-02", 2, 2, ["Sweden", "Norway"]),
    ];
    const panels = groupPanels([info("nobody"), info("ola"), info("karin")], points, "day");
    expect(panels.map((p) => [p.title, p.series])).toEqual([
      ["Norway ↔ Sweden", ["ola", "karin"]],
      [MIXED_PANEL_TITLE, ["nobody"]],
    ]);
  });
});

describe("dataRuns", () => {
  it("finds the solid stretches between gaps", () => {
    const rows = [{ a: 1 }, { a: 2 }, { a: null }, { a: 3 }, { a: null }, { a: null }, { a: 4 }, { a: 5 }];
    expect(dataRuns(rows, "a")).toEqual([
      [0, 1],
      [3, 3],
      [6, 7],
    ]);
  });
});

describe("eventsInSpan", () => {
  it("keeps the events inside a panel's periods, at the period holding them", () => {
    const events = [
      { day: "2026-01-14", label: "talks" },
      { day: "2026-01-05", label: "call", url: "https://example.org/call" },
      { day: "2026-03-01", label: "later" },
    ];
    expect(eventsInSpan(events, ["2026-01-05", "2026-01-12", "2026-01-19"], "week")).toEqual([
      { day: "2026-01-05", label: "call", url: "https://example.org/call", period: "2026-01-05" },
      { day: "2026-01-14", label: "talks", period: "2026-01-12" },
    ]);
  });
});

describe("filterSummary", () => {
  it("says whose lines, the resolution and the dates in one line", () => {
    expect(filterSummary(emptyFilters(), "day", ["Norway ↔ Sweden"])).toBe("Norway ↔ Sweden · day · all dates");
    expect(filterSummary({ ...emptyFilters(), from: "2026-01-04", to: "2026-01-07", labels: ["hostile"] }, "week", ["A ↔ B", "C ↔ D", "E ↔ F"])).toBe(
      "A ↔ B, C ↔ D +1 · week · 4 Jan 2026 – 7 Jan 2026 · hostile only",
    );
    expect(filterSummary({ ...emptyFilters(), speakers: ["Ola Berg"], to: "2026-01-07" }, "day", ["Norway ↔ Sweden"])).toBe("Ola Berg · day · until 7 Jan 2026");
  });
});
