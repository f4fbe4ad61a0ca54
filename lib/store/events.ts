// Dated events in the store: added and removed by an admin, one row each.
import { eventProblem, type ChartEvent } from "../core/events";
import type { Db } from "./client";

export interface StoredEvent {
  id: number;
  day: string;
  label: string;
  url: string | null;
  createdAt: Date;
  createdBy: string;
}

/** An event that the store refuses (a bad day, an empty label, a link that is not http): nothing is written. */
export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEventError";
  }
}

/** Stores one event. */
export async function addEvent(db: Db, event: ChartEvent, createdBy: string): Promise<StoredEvent> {
  const problem = eventProblem(event);
  if (problem) throw new InvalidEventError(problem);
  return db.event.create({ data: { day: event.day, label: event.label.trim(), url: event.url ?? null, createdBy } });
}

/** Removes the event `id`; null when there is none (nothing changes then). */
export async function removeEvent(db: Db, id: number): Promise<StoredEvent | null> {
  const [removed] = await db.event.findMany({ where: { id } });
  if (!removed) return null;
  const { count } = await db.event.deleteMany({ where: { id } });
  return count === 1 ? removed : null;
}
