// Dated events an admin marks on the charts: what they are and what makes one valid. Pure.
import { isValidISODate } from "./days";
import type { ISODate } from "./types";

/** An event as the charts draw it: a labelled vertical line on its day, linked when it has an address. */
export interface ChartEvent {
  day: ISODate;
  label: string;
  url?: string;
}

export const MAX_EVENT_LABEL = 120;
export const MAX_EVENT_URL = 2000;

/** True for an absolute http or https address (no javascript:, data: or relative links on the page). */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Why an event cannot be stored, or null when it can: the store's own guard behind the route's checks. */
export function eventProblem(event: ChartEvent): string | null {
  if (!isValidISODate(event.day)) return `day ${event.day}: not a calendar day as YYYY-MM-DD`;
  const label = event.label.trim();
  if (label === "") return "the label is empty";
  if (label.length > MAX_EVENT_LABEL) return `the label is longer than ${MAX_EVENT_LABEL} characters`;
  if (event.url !== undefined && (event.url.length > MAX_EVENT_URL || !isHttpUrl(event.url))) return "the link is not an http or https address";
  return null;
}
