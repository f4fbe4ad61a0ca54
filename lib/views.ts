// What the series endpoints return: one function each so that /api/series, /api/export,
// the preview and the pages cannot drift apart.
import type { Db } from "./db";
import { describeRange, type Filters } from "./filters";
import { previewScores } from "./preview";
import { queryScoringInputs, querySeries, queryStatementSummaries } from "./query";
import { seriesRows } from "./series";
import type { WeightSet } from "./types";

export async function seriesResponseBody(db: Db, filters: Filters) {
  const result = await querySeries(db, filters);
  return {
    rows: seriesRows(result.points, result.series),
    series: result.series.map((s) => ({ label: s.label, statements: s.statements, days: s.days })),
    omittedSeries: result.omittedSeries,
    by: filters.by,
    resolution: result.resolution,
  };
}

export function exportFilename(kind: "series" | "statements", filters: Filters): string {
  return `tension-index-${kind}_${describeRange(filters)}.csv`;
}

/** The chart for unsaved weights next to the saved one, and the labels that would change. */
export async function previewResponseBody(db: Db, filters: Filters, weights: WeightSet) {
  const started = performance.now();
  const [saved, inputs] = await Promise.all([querySeries(db, filters), queryScoringInputs(db, filters)]);
  const preview = previewScores(inputs, weights, saved.points, saved.resolution);
  const summaries = await queryStatementSummaries(
    db,
    preview.changed.map((c) => c.id),
  );
  return {
    rows: seriesRows(preview.points, saved.series),
    saved: seriesRows(saved.points, saved.series),
    series: saved.series.map((s) => ({ label: s.label, statements: s.statements, days: s.days })),
    resolution: saved.resolution,
    changed: preview.changed.map((c) => {
      const { score, ...summary } = summaries.get(c.id) ?? { date: null, speaker: null, score: 0, text: "" };
      return { ...c, from: { ...c.from, score }, ...summary };
    }),
    changedCount: preview.changedCount,
    statements: preview.statements,
    ms: Math.round(performance.now() - started),
  };
}
