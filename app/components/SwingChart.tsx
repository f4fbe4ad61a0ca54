"use client";
// The tension index over time as small multiples: one panel per pair of countries (both
// directions, each panel over its own span, all on the same −10…+10 scale), hostile and
// conciliatory bands, statements per period as bars under the index, each series' extremes
// labelled with their words, dated events as markers, a brush that zooms through the URL.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import {
  Bar,
  Brush,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  useActiveTooltipLabel,
  usePlotArea,
  ZIndexLayer,
  useXAxisScale,
  useYAxisScale,
} from "recharts";
import { addDays, nextPeriod } from "@/lib/core/days";
import type { Resolution } from "@/lib/read/filters";
import { eventsInSpan, type ChartEvent, type PlacedEvent } from "@/lib/view/events";
import { formatPeriod, formatScore } from "@/lib/view/format";
import { overlaps, placeLabels, type Box, type LabelRequest } from "@/lib/view/label-layout";
import { countColumn, type ChartPanel } from "@/lib/view/panels";

export type { ChartEvent } from "@/lib/view/events";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartAnnotation {
  series: string;
  date: string;
  /** Where the dot sits: the index of that series in the statement's period. */
  y: number;
  score: number;
  short: string;
  text: string;
}

export interface ChartPointDetail {
  index: number;
  statements: number;
  quotes: Array<{ text: string; score: number }>;
}

/** One small multiple: its title, its series and its own rows. */
export type ChartPanelData = ChartPanel;

export interface SwingChartProps {
  rows: Array<Record<string, number | string | null>>;
  series: ChartSeries[];
  annotations: ChartAnnotation[];
  /** Keyed by `${series}|${date}`. */
  details: Record<string, ChartPointDetail>;
  thresholds: { hostile: number; conciliatory: number };
  title: string;
  description: string;
  /** How long one point is (default: a day). */
  resolution?: Resolution;
  /** Small multiples; without them every series shares one panel drawn from `rows`. */
  panels?: ChartPanelData[];
  /** Drawn as labelled vertical markers on every panel whose span holds them. */
  events?: ChartEvent[];
  /** Whether a brush under the time axis zooms the page (sets from/to in the URL). */
  zoomable?: boolean;
}

/** Index units under −10 kept free for the statement bars, so that they never run into a line. */
const VOLUME_LANE = 6;
const LABEL_HEIGHT = 18;
const LABEL_FONT = 12;
/** Above lines and dots (recharts' DefaultZIndexes), so that no band or line shades a label. */
const OVERLAY_Z = 700;

function detailKey(series: string, date: string): string {
  return `${series}|${date}`;
}

interface TooltipProps {
  label: string;
  series: ChartSeries[];
  details: Record<string, ChartPointDetail>;
  resolution: Resolution;
}

/** Quotes the tooltip shows: the period's strongest, whichever series said them. */
const TOOLTIP_QUOTES = 2;

/** Small: the period, its strongest quotes first, then one line per series with its index and n. */
function TooltipBody({ label, series, details, resolution }: TooltipProps) {
  const entries = series
    .map((s) => ({ s, detail: details[detailKey(s.key, label)] }))
    .filter((e): e is { s: ChartSeries; detail: ChartPointDetail } => e.detail !== undefined);
  const quotes = entries
    .flatMap(({ s, detail }) => detail.quotes.map((q) => ({ ...q, color: s.color })))
    .sort((a, b) => Math.abs(b.score) - Math.abs(a.score))
    .slice(0, TOOLTIP_QUOTES);
  return (
    <>
      <p className="chart-tooltip-date">{formatPeriod(label, resolution)}</p>
      <ul className="chart-tooltip-quotes">
        {quotes.map((q, i) => (
          <li key={i} style={{ borderLeftColor: q.color }}>
            <span className={`score-chip ${q.score < 0 ? "neg" : q.score > 0 ? "pos" : ""}`}>{formatScore(q.score)}</span> “{q.text}”
          </li>
        ))}
      </ul>
      <ul className="chart-tooltip-series">
        {entries.map(({ s, detail }) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            <strong>{s.label}</strong> {formatScore(detail.index)} <span className="muted">· n = {detail.statements}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Record<string, unknown>;
  color: string;
  countKey: string;
}

/** A point resting on a single statement is drawn hollow and light: it says less than a busy one. */
function PointDot({ cx, cy, payload, color, countKey }: DotProps) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g />;
  const single = payload?.[countKey] === 1;
  return single ? (
    <circle className="chart-dot chart-dot-single" cx={cx} cy={cy} r={4} fill="#fff" stroke={color} strokeWidth={1.5} strokeOpacity={0.6} />
  ) : (
    <circle className="chart-dot" cx={cx} cy={cy} r={4} fill={color} stroke="none" />
  );
}

/** Rough width of a label's text: good enough to keep labels apart without measuring the DOM. */
function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.56) + 12;
}

interface OverlayProps {
  resolution: Resolution;
  annotations: ChartAnnotation[];
  colors: Map<string, string>;
  events: PlacedEvent[];
  hasVolume: boolean;
}

/**
 * Band labels, event markers and annotation labels, laid out together so that no annotation
 * label covers another, a band label, an event label or an annotated dot.
 */
function Overlay({ resolution, annotations, colors, events, hasVolume }: OverlayProps) {
  const xScale = useXAxisScale();
  const y = useYAxisScale("index");
  const plot = usePlotArea();
  if (!xScale || !y || !plot) return null;
  // Points stand in the middle of their period's band.
  const x = (date: string) => xScale(date, { position: "middle" });
  const top = y(10) ?? plot.y;
  const bottom = y(-10) ?? plot.y + plot.height;
  const volumeText = `statements per ${resolution}`;
  const bandLabels = [
    { text: "conciliatory", className: "band-label band-label-conciliatory", fill: "#1f7a3f", box: { x: plot.x + 4, y: top + 2, width: textWidth("conciliatory", 11), height: 14 } },
    { text: "hostile", className: "band-label band-label-hostile", fill: "#b42318", box: { x: plot.x + 4, y: bottom - 16, width: textWidth("hostile", 11), height: 14 } },
    ...(hasVolume ? [{ text: volumeText, className: "band-label band-label-volume", fill: "#5f6b7a", box: { x: plot.x + 4, y: bottom + 3, width: textWidth(volumeText, 11), height: 14 } }] : []),
  ];
  // Event labels run along the plot's top; one that would cover an earlier one drops a row.
  const eventMarks: Array<PlacedEvent & { at: number; box: Box }> = [];
  for (const e of events) {
    const at = x(e.period);
    if (at === undefined) continue;
    const width = textWidth(e.label, 11);
    const box = { x: Math.min(at + 3, plot.x + plot.width - width), y: plot.y, width, height: 14 };
    while (eventMarks.some((m) => overlaps(m.box, box))) box.y += box.height;
    eventMarks.push({ ...e, at, box });
  }
  const bounds: Box = { x: plot.x, y: plot.y, width: plot.width, height: bottom - plot.y };
  const requests: Array<LabelRequest & { annotation: ChartAnnotation }> = annotations.flatMap((a) => {
    const ax = x(a.date);
    const ay = y(a.y);
    if (ax === undefined || ay === undefined) return [];
    const text = `“${a.short}”`;
    return [{ id: detailKey(a.series, a.date) + `|${a.score}`, anchorX: ax, anchorY: ay, width: textWidth(text, LABEL_FONT), height: LABEL_HEIGHT, prefer: a.y < 0 ? ("below" as const) : ("above" as const), annotation: a }];
  });
  const placed = new Map(placeLabels(requests, bounds, [...bandLabels.map((b) => b.box), ...eventMarks.map((e) => e.box)]).map((p) => [p.id, p.box]));
  return (
    <ZIndexLayer zIndex={OVERLAY_Z}>
      <g className="chart-overlay">
        {bandLabels.map((b) => (
          <text key={b.text} className={b.className} x={b.box.x} y={b.box.y + 11} fontSize={11} fill={b.fill}>
            {b.text}
          </text>
        ))}
        {eventMarks.map((e) => {
          const label = (
            <text x={e.box.x} y={e.box.y + 11} fontSize={11} fill="#3a4350">
              {e.label}
            </text>
          );
          return (
            <g key={`${e.day}|${e.label}`} className="chart-event" data-day={e.day}>
              <line x1={e.at} x2={e.at} y1={plot.y} y2={hasVolume ? plot.y + plot.height : bottom} stroke="#6b7380" strokeWidth={1} strokeDasharray="2 3" />
              {e.url ? <a href={e.url}>{label}</a> : label}
            </g>
          );
        })}
        {requests.map((r) => {
          const color = colors.get(r.annotation.series) ?? "#333";
          const box = placed.get(r.id);
          return (
            <g key={r.id} className="chart-annotation" data-side={r.annotation.score < 0 ? "hostile" : "conciliatory"}>
              <circle cx={r.anchorX} cy={r.anchorY} r={7} fill="none" stroke={color} strokeWidth={2} />
              {box ? (
                <>
                  <line
                    x1={r.anchorX}
                    y1={r.anchorY}
                    x2={Math.max(box.x, Math.min(r.anchorX, box.x + box.width))}
                    y2={box.y + box.height / 2 < r.anchorY ? box.y + box.height : box.y}
                    stroke={color}
                    strokeWidth={1}
                  />
                  <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={4} fill="#fff" stroke={color} strokeWidth={1} opacity={0.95} />
                  <text x={box.x + box.width / 2} y={box.y + 13} textAnchor="middle" fontSize={LABEL_FONT} fontStyle="italic" fill="#1d232b">
                    {`“${r.annotation.short}”`}
                  </text>
                </>
              ) : null}
            </g>
          );
        })}
      </g>
    </ZIndexLayer>
  );
}

/** The tooltip's size before it is first measured (globals.css .chart-tooltip). */
const TOOLTIP_ROOM = 150;
const TOOLTIP_WIDTH = 288;
const TOOLTIP_GAP = 10;

interface TooltipLayerProps {
  rows: Array<Record<string, number | string | null>>;
  keys: string[];
  series: ChartSeries[];
  details: Record<string, ChartPointDetail>;
  resolution: Resolution;
}

/**
 * The tooltip of the hovered period, drawn as HTML over the plot (a portal into .chart-plot)
 * and placed above or below every point of that period, never over one: above when the viewport
 * has room there for its measured height, else where there is more room; horizontally centred
 * on the period and kept inside the chart. Its state is its own, so that hovering re-renders
 * only it (re-rendering the panel would make recharts replace the dots under the pointer).
 */
function TooltipLayer({ rows, keys, series, details, resolution }: TooltipLayerProps) {
  const label = useActiveTooltipLabel();
  const xScale = useXAxisScale();
  const y = useYAxisScale("index");
  const plot = usePlotArea();
  const anchor = useRef<SVGGElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const [place, setPlace] = useState<{ left: number; top: number; above: boolean } | null>(null);
  const shown = typeof label === "string" && keys.some((k) => details[detailKey(k, label)] !== undefined) ? label : null;

  useEffect(() => {
    const host = anchor.current?.ownerSVGElement?.closest<HTMLElement>(".chart-plot") ?? null;
    if (host !== container) setContainer(host);
    const row = shown === null ? undefined : rows.find((r) => r.date === shown);
    const svg = anchor.current?.ownerSVGElement;
    const ys = row && y ? keys.map((k) => row[k]).filter((v): v is number => typeof v === "number").map((v) => y(v) ?? 0) : [];
    if (shown === null || !xScale || !plot || !svg || ys.length === 0) {
      if (place !== null) setPlace(null);
      return;
    }
    const px = xScale(shown, { position: "middle" }) ?? 0;
    const chartTop = svg.getBoundingClientRect().top;
    const width = box.current?.offsetWidth ?? TOOLTIP_WIDTH;
    const height = box.current?.offsetHeight ?? TOOLTIP_ROOM;
    const left = Math.round(Math.max(0, Math.min(px - width / 2, plot.x + plot.width + 16 - width)));
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    const roomAbove = chartTop + top - TOOLTIP_GAP;
    const roomBelow = window.innerHeight - (chartTop + bottom + TOOLTIP_GAP);
    const above = roomAbove >= height || roomAbove > roomBelow;
    const next = { left, top: Math.round(above ? top - TOOLTIP_GAP - height : bottom + TOOLTIP_GAP), above };
    if (!place || place.left !== next.left || place.top !== next.top || place.above !== next.above) setPlace(next);
  });

  return (
    <g ref={anchor}>
      {container && shown !== null
        ? createPortal(
            <div
              ref={box}
              className="chart-tooltip"
              data-testid="chart-tooltip"
              style={{ left: place?.left ?? 0, top: place?.top ?? 0, visibility: place ? "visible" : "hidden" }}
            >
              <TooltipBody label={shown} series={series} details={details} resolution={resolution} />
            </div>,
            container,
          )
        : null}
    </g>
  );
}

/** The last day of the period starting on `start`: a zoom to it keeps the whole period. */
function periodEnd(start: string, resolution: Resolution): string {
  return addDays(nextPeriod(start, resolution), -1);
}

interface PanelProps extends Omit<SwingChartProps, "panels" | "rows"> {
  panel: ChartPanelData;
  /** The most statements any point of any panel has: every panel's bars share one scale. */
  maxCount: number;
  events: ChartEvent[];
  resolution: Resolution;
}

function Panel({ panel, maxCount, series: allSeries, annotations, details, thresholds, title, description, resolution, events, zoomable }: PanelProps) {
  const router = useRouter();
  // The range the brush shows while dragged: its drag-end report can lag one update behind.
  const brushRange = useRef<{ startIndex?: number; endIndex?: number }>({});
  const series = panel.series.map((key) => allSeries.find((s) => s.key === key)).filter((s): s is ChartSeries => s !== undefined);
  const colors = new Map(series.map((s) => [s.key, s.color]));
  const order = new Map(series.map((s, index) => [s.key, index]));
  const rows = panel.rows;
  const hasVolume = rows.some((r) => series.some((s) => typeof r[countColumn(s.key)] === "number"));
  const keys = new Set(panel.series);
  const own = annotations.filter((a) => keys.has(a.series));
  const placedEvents = eventsInSpan(events, rows.map((r) => String(r.date)), resolution);
  const lowest = hasVolume ? -10 - VOLUME_LANE : -10;

  function zoom() {
    const { startIndex, endIndex } = brushRange.current;
    if (startIndex === undefined || endIndex === undefined) return;
    if (startIndex === 0 && endIndex === rows.length - 1) return;
    const params = new URLSearchParams(window.location.search);
    params.set("from", String(rows[startIndex].date));
    params.set("to", periodEnd(String(rows[endIndex].date), resolution));
    params.delete("offset");
    router.push(`/?${params.toString()}`, { scroll: false });
  }

  return (
    <div className="chart-panel" data-testid="chart-panel" data-panel={panel.key}>
      {panel.title ? <h3 className="chart-panel-title">{panel.title}</h3> : null}
      <div className="chart-plot">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 960, height: 400 }}>
          <ComposedChart data={rows} margin={{ top: 20, right: 16, bottom: 4, left: 0 }} title={title} desc={description} barGap={1} barCategoryGap="20%">
            <ReferenceArea yAxisId="index" y1={-10} y2={thresholds.hostile} fill="var(--hostile-bg)" fillOpacity={0.9} ifOverflow="hidden" />
            <ReferenceArea yAxisId="index" y1={thresholds.conciliatory} y2={10} fill="var(--conciliatory-bg)" fillOpacity={0.9} ifOverflow="hidden" />
            <CartesianGrid yAxisId="index" stroke="#e5e8ec" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) => formatPeriod(d, resolution, { short: true })}
              minTickGap={24}
              tick={{ fontSize: 12, fill: "#5f6b7a" }}
              padding={{ left: 16, right: 16 }}
            />
            <YAxis
              yAxisId="index"
              domain={[lowest, 10]}
              ticks={[-10, -5, 0, 5, 10]}
              allowDataOverflow
              width={40}
              tick={{ fontSize: 12, fill: "#5f6b7a" }}
            />
            <YAxis yAxisId="volume" orientation="right" hide domain={[0, (maxCount * (20 + VOLUME_LANE)) / (VOLUME_LANE - 1)]} />
            <ReferenceLine yAxisId="index" y={0} stroke="#5f6b7a" strokeWidth={1.5} />
            {hasVolume ? <ReferenceLine yAxisId="index" y={-10} stroke="#c5ccd5" strokeWidth={1} /> : null}
            {/* Tracks the hovered period and draws the cursor; TooltipLayer draws the box. */}
            <Tooltip content={() => null} isAnimationActive={false} />
            <TooltipLayer rows={rows} keys={panel.series} series={series} details={details} resolution={resolution} />
            <Legend verticalAlign="top" align="right" wrapperStyle={{ fontSize: 13, paddingBottom: 4 }} itemSorter={(item) => order.get(String(item.dataKey)) ?? series.length} />
            {hasVolume
              ? series.map((s) => (
                  <Bar
                    key={`${s.key}-n`}
                    className="chart-volume"
                    yAxisId="volume"
                    dataKey={countColumn(s.key)}
                    fill={s.color}
                    fillOpacity={0.35}
                    legendType="none"
                    isAnimationActive={false}
                    maxBarSize={18}
                  />
                ))
              : null}
            {/* Solid only between consecutive periods with statements; a period without any is a gap. */}
            {series.map((s) => (
              <Line
                key={s.key}
                yAxisId="index"
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={s.color}
                strokeWidth={2.5}
                dot={(props: { cx?: number; cy?: number; payload?: unknown; index?: number }) => (
                  <PointDot key={`${s.key}|${props.index}`} cx={props.cx} cy={props.cy} payload={props.payload as Record<string, unknown> | undefined} color={s.color} countKey={countColumn(s.key)} />
                )}
                activeDot={{ r: 6 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
            <Overlay resolution={resolution} annotations={own} colors={colors} events={placedEvents} hasVolume={hasVolume} />
            {zoomable && rows.length > 1 ? (
              <Brush
                dataKey="date"
                height={22}
                travellerWidth={10}
                stroke="#8a94a3"
                tickFormatter={(d: string) => formatPeriod(d, resolution, { short: true })}
                onChange={(range) => {
                  brushRange.current = range;
                }}
                onDragEnd={zoom}
              />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

export default function SwingChart(props: SwingChartProps) {
  const { rows, series, panels, events = [], resolution = "day" } = props;
  const shown = panels ?? [{ key: "", title: "", series: series.map((s) => s.key), rows }];
  const maxCount = Math.max(1, ...shown.flatMap((p) => p.rows.flatMap((r) => p.series.map((k) => Number(r[countColumn(k)] ?? 0)))));
  return (
    <div className="chart" data-testid="swing-chart">
      {shown.map((panel) => (
        <Panel key={panel.key || "all"} {...props} panel={panel} maxCount={maxCount} events={events} resolution={resolution} />
      ))}
    </div>
  );
}
