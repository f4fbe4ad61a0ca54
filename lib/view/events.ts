// Dated events drawn on the chart as labelled vertical markers. Pure: safe for client components.
import { periodStart } from "../core/days";
import type { ChartEvent } from "../core/events";
import type { Resolution } from "../read/filters";

export type { ChartEvent };

export interface PlacedEvent extends ChartEvent {
  /** The first day of the chart period holding the event: the x the marker stands at. */
  period: string;
}

/** The events falling inside a panel's span (its first to its last period), each at its period. */
export function eventsInSpan(events: ChartEvent[], periods: string[], resolution: Resolution): PlacedEvent[] {
  if (periods.length === 0) return [];
  const known = new Set(periods);
  return events
    .map((e) => ({ ...e, period: periodStart(e.day, resolution) }))
    .filter((e) => known.has(e.period))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
