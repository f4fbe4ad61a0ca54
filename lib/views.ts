// What the series endpoints return: one function so that /api/series, /api/export
// and the page cannot drift apart.
import type { Db } from "./db";
import { describeRange, type Filters } from "./filters";
import { querySeries } from "./query";
import { seriesRows } from "./series";

export async function seriesResponseBody(db: Db, filters: Filters) {
  const result = await querySeries(db, filters);
  return {
    rows: seriesRows(result.points, result.series),
    series: result.series.map((s) => ({ label: s.label, statements: s.statements, days: s.days })),
    omittedSeries: result.omittedSeries,
    by: filters.by,
  };
}

export function exportFilename(kind: "series" | "statements", filters: Filters): string {
  return `tension-index-${kind}_${describeRange(filters)}.csv`;
}
