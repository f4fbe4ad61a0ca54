// The stored events, in day order, for the charts, /admin and /methodology.
import type { ChartEvent } from "../core/events";
import type { Db } from "../store/client";

export interface EventListing {
  id: number;
  day: string;
  label: string;
  url: string | null;
}

/** Every stored event, or those from…to (inclusive, either end open), by day and then as added. */
export async function listEvents(db: Db, range: { from?: string | null; to?: string | null } = {}): Promise<EventListing[]> {
  const day = { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lte: range.to } : {}) };
  return db.event.findMany({
    where: range.from || range.to ? { day } : {},
    select: { id: true, day: true, label: true, url: true },
    orderBy: [{ day: "asc" }, { id: "asc" }],
  });
}

/** What a chart draws of an event. */
export function chartEvents(events: EventListing[]): ChartEvent[] {
  return events.map((e) => (e.url ? { day: e.day, label: e.label, url: e.url } : { day: e.day, label: e.label }));
}
