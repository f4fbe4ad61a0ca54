// Everything the dashboard page shows for one set of filters, gathered in a handful of
// aggregate queries (the store is never read whole) and shaped for rendering.
import type { Db } from "../store/client";
import type { Filters, Resolution, TableOptions } from "../read/filters";
import { filterChoices, type FilterChoices } from "../read/filter-choices";
import { queryAnnotationCandidates, queryPointQuotes } from "../read/point-quotes";
import { querySeries } from "../read/series-query";
import { queryStatementRows, type StatementRow } from "../read/statements";
import type { SeriesInfo } from "../read/series";
import { chooseAnnotations, extremePoints, type ChosenAnnotation } from "./annotations";
import { groupPanels, type ChartPanel } from "./panels";
import { chartRows, largestSwing, type Swing } from "./chart";
import { seriesRows, type SeriesRow } from "./series-rows";
import { getActiveWeights } from "../store/weight-sets";
import { unchartedStatements } from "../read/chart-lag";
import type { WeightSet } from "../core/types";

export interface PointDetail {
  index: number;
  statements: number;
  quotes: Array<{ text: string; score: number }>;
}

export interface Dashboard {
  series: SeriesInfo[];
  /** How long one chart point is. */
  resolution: Resolution;
  omittedSeries: number;
  chartedStatements: number;
  /** Wide rows for the chart: one per period, one column per series key, null = no statement. */
  chart: Array<Record<string, number | string | null>>;
  /** The rows /api/series and the CSV export give for the same filters. */
  rows: SeriesRow[];
  details: Record<string, PointDetail>;
  /** The chart's panels: one per pair of countries, both directions, each over its own span. */
  panels: ChartPanel[];
  /** Per series, its most hostile and most conciliatory point and the statement labelling each. */
  annotations: ChosenAnnotation[];
  swing: Swing | null;
  /** One table page; each row's sources load when it opens (StatementRow). */
  statements: { total: number; rows: StatementRow[] };
  choices: FilterChoices;
  thresholds: WeightSet["thresholds"];
  weightVersion: number;
  /** Stored statements on days whose rollups are queued: the chart does not show them yet. */
  uncharted: number;
}

export function pointKey(series: string, date: string): string {
  return `${series}|${date}`;
}

export async function loadDashboard(db: Db, filters: Filters, table: TableOptions): Promise<Dashboard> {
  const [result, statements, choices, weights, uncharted] = await Promise.all([
    querySeries(db, filters),
    queryStatementRows(db, filters, table),
    filterChoices(db),
    getActiveWeights(db),
    unchartedStatements(db),
  ]);
  const keys = result.series.map((s) => s.key);
  const extremes = extremePoints(result.points);
  const [candidates, quotes] = await Promise.all([
    queryAnnotationCandidates(db, filters, extremes, result.resolution),
    queryPointQuotes(db, filters, keys, result.resolution),
  ]);

  const details: Record<string, PointDetail> = {};
  for (const p of result.points) details[pointKey(p.series, p.date)] = { index: p.index, statements: p.statements, quotes: [] };
  for (const q of quotes) details[pointKey(q.series, q.date)]?.quotes.push({ text: q.text, score: q.score });


  return {
    series: result.series,
    resolution: result.resolution,
    omittedSeries: result.omittedSeries,
    chartedStatements: result.chartedStatements,
    chart: chartRows(result.points, keys, result.resolution),
    panels: groupPanels(result.series, result.points, result.resolution),
    rows: seriesRows(result.points, result.series),
    details,
    annotations: chooseAnnotations(extremes, candidates),
    swing: largestSwing(result.points, result.series),
    statements,
    choices,
    thresholds: weights.weights.thresholds,
    weightVersion: weights.version,
    uncharted,
  };
}
