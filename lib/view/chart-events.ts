// Where a chart draws each dated event: on the point whose period holds the event's day, when the
// chart has that point. Pure.
import { periodStart } from "../core/days";
import type { ChartEvent } from "../core/events";
import type { Resolution } from "../read/filters";

export interface PlacedEvent {
  event: ChartEvent;
  /** The chart's x value: the first day of the point's period. */
  x: string;
}

/** The events that fall on the chart whose points start on `pointDates`, each at its point. */
export function placeEvents(events: ChartEvent[], pointDates: Iterable<string>, resolution: Resolution): PlacedEvent[] {
  const points = new Set(pointDates);
  return events.map((event) => ({ event, x: periodStart(event.day, resolution) })).filter(({ x }) => points.has(x));
}
