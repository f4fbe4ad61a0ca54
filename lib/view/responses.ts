// The JSON bodies of /api/series and the weight preview, built alike so that the saved chart and
// the previewed one list their series and rows the same way.
import type { Db } from "../store/client";
import type { Filters } from "../read/filters";
import { labelChanges, previewScores } from "../read/preview";
import { queryScoringDays, queryScoringGroups, queryStatementsInGroups } from "../read/scoring-groups";
import { querySeries } from "../read/series-query";
import type { SeriesInfo } from "../read/series";
import { seriesRows } from "./series-rows";
import type { WeightSet } from "../core/types";

/** The charted series as the responses list them: by label, keys left out. */
function seriesSummaries(series: SeriesInfo[]) {
  return series.map((s) => ({ label: s.label, statements: s.statements, days: s.days }));
}

export async function seriesResponseBody(db: Db, filters: Filters) {
  const result = await querySeries(db, filters);
  return {
    rows: seriesRows(result.points, result.series),
    series: seriesSummaries(result.series),
    omittedSeries: result.omittedSeries,
    by: filters.by,
    resolution: result.resolution,
  };
}

/** Label changes listed by the preview; all of them are counted. */
const MAX_CHANGES_LISTED = 100;

/** The chart for unsaved weights next to the saved one, and the labels that would change. */
export async function previewResponseBody(db: Db, filters: Filters, weights: WeightSet) {
  const started = performance.now();
  const [saved, groups] = await Promise.all([querySeries(db, filters), queryScoringGroups(db, filters)]);
  const days = await queryScoringDays(db, filters, saved.series.map((s) => s.key));
  const preview = previewScores(groups, days, weights, saved.points, saved.resolution);
  const changed = labelChanges(await queryStatementsInGroups(db, filters, preview.changing, MAX_CHANGES_LISTED), weights);
  return {
    rows: seriesRows(preview.points, saved.series),
    saved: seriesRows(saved.points, saved.series),
    series: seriesSummaries(saved.series),
    resolution: saved.resolution,
    changed: changed.map(({ score, ...change }) => ({ ...change, from: { ...change.from, score } })),
    changedCount: preview.changedCount,
    statements: preview.statements,
    ms: Math.round(performance.now() - started),
  };
}
