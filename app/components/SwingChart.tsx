"use client";
// The tension index over time: one line per series, hostile and conciliatory bands,
// the extremes of each series annotated with their words, quotes in the tooltip.
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Resolution } from "@/lib/read/filters";
import type { ChartEvent } from "@/lib/core/events";
import { placeEvents } from "@/lib/view/chart-events";
import { formatPeriod, formatScore, plural } from "@/lib/view/format";

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
  /** Dated events: a labelled vertical line on the point whose period holds the day, when the chart has it. */
  events?: ChartEvent[];
}

const HEIGHT = 420;

function detailKey(series: string, date: string): string {
  return `${series}|${date}`;
}

interface TooltipProps {
  active?: boolean;
  label?: string | number;
  series: ChartSeries[];
  details: Record<string, ChartPointDetail>;
  resolution: Resolution;
}

function ChartTooltip({ active, label, series, details, resolution }: TooltipProps) {
  if (!active || typeof label !== "string") return null;
  const entries = series
    .map((s) => ({ s, detail: details[detailKey(s.key, label)] }))
    .filter((e): e is { s: ChartSeries; detail: ChartPointDetail } => e.detail !== undefined);
  if (entries.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-date">{formatPeriod(label, resolution)}</p>
      {entries.map(({ s, detail }) => (
        <div key={s.key} className="chart-tooltip-series">
          <p>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            <strong>{s.label}</strong> {formatScore(detail.index)}{" "}
            <span className="muted">({plural(detail.statements, "statement")})</span>
          </p>
          <ul>
            {detail.quotes.map((q, i) => (
              <li key={i}>
                <span className={`score-chip ${q.score < 0 ? "neg" : q.score > 0 ? "pos" : ""}`}>{formatScore(q.score)}</span> “{q.text}”
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

type Anchor = "start" | "middle" | "end";

/** Labels near the chart's edges grow inwards so that they are never cut off. */
function anchorFor(position: number): Anchor {
  return position < 0.25 ? "start" : position > 0.75 ? "end" : "middle";
}

function AnnotationLabel(props: { viewBox?: { x?: number; y?: number }; text: string; color: string; below: boolean; anchor: Anchor }) {
  const { viewBox, text, color, below, anchor } = props;
  if (viewBox?.x === undefined || viewBox?.y === undefined) return null;
  const label = `“${text}”`;
  const width = Math.min(240, label.length * 6.6 + 12);
  const x = anchor === "start" ? viewBox.x - 10 : anchor === "end" ? viewBox.x - width + 10 : viewBox.x - width / 2;
  const y = below ? viewBox.y + 12 : viewBox.y - 30;
  return (
    <g className="chart-annotation">
      <rect x={x} y={y} width={width} height={20} rx={4} fill="#fff" stroke={color} strokeWidth={1} opacity={0.95} />
      <text x={x + width / 2} y={y + 14} textAnchor="middle" fontSize={12} fontStyle="italic" fill="#1d232b">
        {label}
      </text>
    </g>
  );
}

/** An event's label, written up the line from the top of the plot, a link when the event has one. */
function EventLabel(props: { viewBox?: { x?: number; y?: number }; event: ChartEvent }) {
  const { viewBox, event } = props;
  if (viewBox?.x === undefined || viewBox?.y === undefined) return null;
  const [x, y] = [viewBox.x - 4, viewBox.y + 6];
  const text = (
    <text x={x} y={y} transform={`rotate(-90 ${x} ${y})`} textAnchor="end" fontSize={11} fill="#5b4a8b">
      {event.label}
    </text>
  );
  return (
    <g className="chart-event-label" data-event-day={event.day}>
      {event.url ? (
        <a href={event.url} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        text
      )}
    </g>
  );
}

export default function SwingChart({ rows, series, annotations, details, thresholds, title, description, resolution = "day", events = [] }: SwingChartProps) {
  const colors = new Map(series.map((s) => [s.key, s.color]));
  // The legend lists the lines as the series come, busiest first, not alphabetically (recharts' default).
  const seriesOrder = new Map(series.map((s, index) => [s.key, index]));
  const dayIndex = new Map(rows.map((row, i) => [String(row.date), i]));
  const position = (date: string) => (rows.length > 1 ? (dayIndex.get(date) ?? 0) / (rows.length - 1) : 0.5);
  return (
    <div className="chart" data-testid="swing-chart">
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 960, height: HEIGHT }}>
        <LineChart data={rows} margin={{ top: 36, right: 24, bottom: 8, left: 0 }} title={title} desc={description}>
          <ReferenceArea y1={-10} y2={thresholds.hostile} fill="var(--hostile-bg)" fillOpacity={0.9} ifOverflow="hidden">
          </ReferenceArea>
          <ReferenceArea y1={thresholds.conciliatory} y2={10} fill="var(--conciliatory-bg)" fillOpacity={0.9} ifOverflow="hidden" />
          <CartesianGrid stroke="#e5e8ec" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={(d: string) => formatPeriod(d, resolution, { short: true })}
            minTickGap={24}
            tick={{ fontSize: 12, fill: "#5f6b7a" }}
            padding={{ left: 16, right: 16 }}
          />
          <YAxis
            domain={[-10, 10]}
            ticks={[-10, -5, 0, 5, 10]}
            allowDataOverflow
            width={44}
            tick={{ fontSize: 12, fill: "#5f6b7a" }}
            label={{ value: "index", angle: -90, position: "insideLeft", offset: 12, fontSize: 12, fill: "#5f6b7a" }}
          />
          <ReferenceLine y={0} stroke="#5f6b7a" strokeWidth={1.5} />
          <ReferenceLine y={-10} stroke="none" label={{ value: "hostile", position: "insideBottomLeft", fontSize: 11, fill: "#b42318" }} />
          <ReferenceLine y={10} stroke="none" label={{ value: "conciliatory", position: "insideTopLeft", fontSize: 11, fill: "#1f7a3f" }} />
          <Tooltip content={<ChartTooltip series={series} details={details} resolution={resolution} />} wrapperStyle={{ zIndex: 5, pointerEvents: "none" }} />
          <Legend verticalAlign="bottom" wrapperStyle={{ fontSize: 13, paddingTop: 8 }} itemSorter={(item) => seriesOrder.get(String(item.dataKey)) ?? series.length} />
          {/* A faint dashed line bridges days without statements so that the trend stays
              readable; the solid line and its dots mark only days with statements. */}
          {series.map((s) => (
            <Line
              key={`${s.key}-bridge`}
              type="linear"
              dataKey={s.key}
              stroke={s.color}
              strokeOpacity={0.45}
              strokeWidth={1.5}
              strokeDasharray="4 4"
              dot={false}
              activeDot={false}
              connectNulls
              legendType="none"
              isAnimationActive={false}
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2.5}
              dot={{ r: 4, fill: s.color, strokeWidth: 0 }}
              activeDot={{ r: 6 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
          {placeEvents(events, dayIndex.keys(), resolution).map(({ event, x }, i) => (
            <ReferenceLine
              key={`event-${i}`}
              x={x}
              className="chart-event"
              stroke="#5b4a8b"
              strokeDasharray="2 3"
              strokeWidth={1.5}
              ifOverflow="hidden"
              label={<EventLabel event={event} />}
            />
          ))}
          {annotations.map((a) => (
            <ReferenceDot
              key={`${a.series}|${a.date}|${a.score}`}
              x={a.date}
              y={a.y}
              r={7}
              fill="none"
              stroke={colors.get(a.series) ?? "#333"}
              strokeWidth={2}
              label={<AnnotationLabel text={a.short} color={colors.get(a.series) ?? "#333"} below={a.y < 0} anchor={anchorFor(position(a.date))} />}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
