// The filters in one line, for the summary the collapsed filter form shows:
// "A ↔ B · day · all dates". Pure.
import type { Filters, Resolution } from "../read/filters";
import { formatDay } from "./format";

/** Panel titles named in full before the rest are counted. */
const NAMED_SUBJECTS = 2;

function dates(f: Filters): string {
  if (f.from && f.to) return f.from === f.to ? formatDay(f.from) : `${formatDay(f.from)} – ${formatDay(f.to)}`;
  if (f.from) return `from ${formatDay(f.from)}`;
  if (f.to) return `until ${formatDay(f.to)}`;
  return "all dates";
}

function subject(f: Filters, panelTitles: string[]): string | null {
  const names = f.speakers.length > 0 ? f.speakers : panelTitles;
  if (names.length === 0) return null;
  const shown = names.slice(0, NAMED_SUBJECTS).join(", ");
  return names.length > NAMED_SUBJECTS ? `${shown} +${names.length - NAMED_SUBJECTS}` : shown;
}

/**
 * What the chart shows, most telling first: whose lines (the chosen speakers, else the panels'
 * pairs of countries), the resolution the chart uses, the dates, then the narrower filters.
 */
export function filterSummary(f: Filters, resolution: Resolution, panelTitles: string[]): string {
  const parts = [subject(f, panelTitles), resolution, dates(f)];
  if (f.labels.length > 0) parts.push(`${f.labels.join(" or ")} only`);
  if (f.q) parts.push(`“${f.q}”`);
  return parts.filter((p): p is string => p !== null).join(" · ");
}
