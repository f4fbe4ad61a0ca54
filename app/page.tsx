// The dashboard: tension index over time, its largest swing, and the statements behind
// it. Rendered on the server with the data for every request; filters live in the URL.
import FilterBar from "@/app/components/FilterBar";
import { seriesColor } from "@/app/components/palette";
import ChartExport from "@/app/components/ChartExport";
import StatementTable from "@/app/components/StatementTable";
import SwingChart, { type ChartEvent, type ChartSeries } from "@/app/components/SwingChart";
import { loadDashboard, type Dashboard } from "@/lib/view/dashboard";
import { getPrisma } from "@/lib/store/client";
import { chartEvents, listEvents } from "@/lib/read/events";
import { describeRange, emptyFilters, filtersToQuery, FilterError, hasNarrowingFilters, parseFilters, parseTableOptions, DEFAULT_TABLE, type Filters, type TableOptions } from "@/lib/read/filters";
import { formatPeriod, formatScore, onPeriod, PERIODLY, plural } from "@/lib/view/format";
import { filterSummary } from "@/lib/view/filter-summary";

export const dynamic = "force-dynamic";


type SearchParams = Record<string, string | string[] | undefined>;

function readParams(params: SearchParams): { filters: Filters; table: TableOptions; error: string | null } {
  try {
    return { filters: parseFilters(params), table: parseTableOptions(params), error: null };
  } catch (e) {
    if (e instanceof FilterError) return { filters: emptyFilters(), table: DEFAULT_TABLE, error: e.message };
    throw e;
  }
}

function chartDescription(d: Dashboard, series: ChartSeries[]): string {
  if (series.length === 0) return "No dated statements match the filters.";
  const dates = d.rows.map((r) => r.date);
  const parts = [
    `${PERIODLY[d.resolution]} tension index, −10 hostile to +10 conciliatory, for ${series.map((s) => s.label).join(", ")}, from ${formatPeriod(dates[0], d.resolution)} to ${formatPeriod(dates[dates.length - 1], d.resolution)}.`,
  ];
  if (d.swing) {
    parts.push(
      `Largest swing: ${d.swing.label}, ${formatScore(d.swing.from.index)} ${onPeriod(d.swing.from.date, d.resolution)} to ${formatScore(d.swing.to.index)} ${onPeriod(d.swing.to.date, d.resolution)}.`,
    );
  }
  return parts.join(" ");
}

/** The period a point stands for, as the headline names it: "4 Jan 2026", "the week of 5 Jan 2026", "Jan 2026". */
function periodName(start: string, resolution: Dashboard["resolution"]): string {
  return resolution === "week" ? `the ${formatPeriod(start, resolution)}` : formatPeriod(start, resolution);
}

function SwingHeadline({ d }: { d: Dashboard }) {
  if (!d.swing) {
    return (
      <div className="headline" data-testid="headline">
        <p className="headline-label">Largest swing</p>
        <p className="muted">Needs two dated days of one series.</p>
      </div>
    );
  }
  const { swing } = d;
  return (
    <div className="headline" data-testid="headline">
      <p className="headline-label">Largest swing</p>
      <p className={`headline-figure ${swing.change < 0 ? "neg" : "pos"}`}>{formatScore(swing.change)}</p>
      <p className="headline-text">
        <strong>{swing.label}</strong>: {formatScore(swing.from.index)} {d.resolution === "day" ? "on" : "in"} <time dateTime={swing.from.date}>{periodName(swing.from.date, d.resolution)}</time> →{" "}
        {formatScore(swing.to.index)} {d.resolution === "day" ? "on" : "in"} <time dateTime={swing.to.date}>{periodName(swing.to.date, d.resolution)}</time>
      </p>
    </div>
  );
}

function DataTable({ d }: { d: Dashboard }) {
  return (
    <details className="data-table">
      <summary>Chart data as a table ({plural(d.rows.length, "row")})</summary>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Chart data">
        <table data-testid="series-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Series</th>
              <th scope="col" className="num">
                Index
              </th>
              <th scope="col" className="num">
                Statements
              </th>
              <th scope="col" className="num">
                Min
              </th>
              <th scope="col" className="num">
                Max
              </th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={`${r.series}|${r.date}`}>
                <td>{r.date}</td>
                <td>{r.series}</td>
                <td className="num">{r.index}</td>
                <td className="num">{r.statements}</td>
                <td className="num">{r.min}</td>
                <td className="num">{r.max}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}


export default async function Home({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { filters, table, error } = readParams(await searchParams);
  let d: Dashboard;
  let events: ChartEvent[];
  try {
    const db = getPrisma();
    [d, events] = await Promise.all([loadDashboard(db, filters, table), listEvents(db).then(chartEvents)]);
  } catch (e) {
    console.error("dashboard: cannot read the store", e);
    return (
      <p className="notice notice-error" role="alert">
        The store cannot be read. Run <code>npm start</code> (it migrates and seeds the store) and reload.
      </p>
    );
  }

  if (d.choices.statements === 0) {
    return (
      <p className="notice">
        No statements stored yet. Add articles with <code>npm run ingest -- &lt;file|dir&gt;</code> or load the bundled ones with <code>npm run seed</code>.
      </p>
    );
  }

  const series: ChartSeries[] = d.series.map((s, i) => ({ key: s.key, label: s.label, color: seriesColor(i) }));
  const query = filtersToQuery(filters);
  const tableQuery = filtersToQuery(filters, { sort: table.sort, dir: table.dir });
  const description = chartDescription(d, series);
  const undatedOrOther = d.statements.total - d.chartedStatements;

  return (
    <>
      {error ? (
        <p className="notice notice-error" role="alert">
          Ignored the filters in the address: {error}
        </p>
      ) : null}
      {d.uncharted > 0 ? (
        <p className="notice" role="status" data-testid="chart-lag">
          {plural(d.uncharted, "statement")} not charted yet: an ingest queued {d.uncharted === 1 ? "its day" : "their days"} for the chart and has not rebuilt them. The
          chart catches up when that ingest finishes, or at the next ingest or <code>npm start</code>; the table below already lists them.
        </p>
      ) : null}
      <details className="filter-panel" data-testid="filter-panel">
        <summary>
          <span className="filter-summary" data-testid="filter-summary">
            {filterSummary(
              filters,
              d.resolution,
              d.panels.filter((p) => p.key !== "").map((p) => p.title),
            )}
          </span>
          <span className="filter-panel-toggle">&nbsp;— Filters</span>
        </summary>
        <FilterBar
          key={query}
          filters={filters}
          speakers={d.choices.speakers}
          dyads={d.choices.dyads}
          firstDate={d.choices.firstDate}
          lastDate={d.choices.lastDate}
        />
      </details>

      <section className="overview" aria-labelledby="chart-title">
        <div className="overview-head">
          <div>
            <h2 id="chart-title">Tension index by {filters.by === "dyad" ? "dyad" : "speaker"}</h2>
            <p className="muted small">
              {PERIODLY[d.resolution]} mean score of each {filters.by === "dyad" ? "dyad's" : "speaker's"} statements · {plural(d.chartedStatements, "statement")} dated to the day
              {undatedOrOther > 0 ? ` · ${plural(undatedOrOther, "more statement")} in the table (no known day, no ${filters.by === "dyad" ? "dyad" : "speaker"}, or a quieter series)` : ""}
              {hasNarrowingFilters(filters) ? " · filtered" : ""}
            </p>
          </div>
          <SwingHeadline d={d} />
        </div>

        {series.length > 0 ? (
          <>
            <figure className="chart-figure" id="dashboard-chart" aria-labelledby="chart-title" aria-describedby="chart-desc">
              <SwingChart
                rows={d.chart}
                panels={d.panels}
                series={series}
                annotations={d.annotations.map((a) => ({ series: a.series, date: a.date, y: a.y, score: a.score, short: a.short, text: a.text }))}
                details={d.details}
                thresholds={d.thresholds}
                title="Tension index over time"
                description={description}
                resolution={d.resolution}
                events={events}
                zoomable
              />
              <figcaption id="chart-desc" className="muted small">
                {description} Shaded bands: hostile (score ≤ {formatScore(d.thresholds.hostile)}) and conciliatory (≥ {formatScore(d.thresholds.conciliatory)}) under
                weight set v{d.weightVersion}. Lines are solid between consecutive {d.resolution}s with statements and break where a {d.resolution} has none; bars
                under the index count the statements of each {d.resolution}; hollow points rest on a single statement. Circled points are each series&rsquo; most
                hostile and most conciliatory {d.resolution}, labelled with its most widely reported direct quote. Drag the handles under the time axis to zoom.
                {d.omittedSeries > 0 ? ` ${plural(d.omittedSeries, "quieter series", "quieter series")} not drawn; pick speakers to see them.` : ""}
              </figcaption>
            </figure>
            <div className="chart-actions overview-rest">
              <a className="button primary" href={`/api/export${query ? `?${query}` : ""}`} download data-testid="export-csv">
                Export CSV
              </a>
              <a className="button" href={`/api/series${query ? `?${query}` : ""}`}>
                JSON
              </a>
              <ChartExport chartId="dashboard-chart" fileName={`tension-index-chart_${describeRange(filters)}`} />
            </div>
            <div className="overview-rest">
              <DataTable d={d} />
            </div>
          </>
        ) : (
          <p className="notice">No dated statements match these filters. Widen the date range or clear a filter.</p>
        )}
      </section>

      <section id="statements" className="explorer" aria-labelledby="statements-title">
        <div className="explorer-head">
          <h2 id="statements-title">Statements</h2>
          <div className="chart-actions">
            <a
              className="button"
              href={`/api/statements/export${tableQuery ? `?${tableQuery}` : ""}`}
              download
              data-testid="export-statements"
            >
              Export statements CSV
            </a>
            <a
              className="button"
              href={`/api/statements/export?${tableQuery ? `${tableQuery}&` : ""}per=source`}
              download
              data-testid="export-sources"
            >
              One row per source
            </a>
          </div>
        </div>
        <p className="muted small">Select a statement to see its context, every source&rsquo;s exact words and how its score adds up.</p>
        <StatementTable rows={d.statements.rows} total={d.statements.total} filters={filters} table={table} />
      </section>
    </>
  );
}
