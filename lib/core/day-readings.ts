import { intersectRanges } from "./days";
import type { DateRange } from "./types";

/** One day (or range) that some of a statement's reports give for it, and how many give it. */
export interface DayReading {
  range: DateRange;
  reports: number;
}

/** The days a statement's reports give for it, the most widely given first (ties: the earlier). */
export function dayReadings(sources: { dateRange: DateRange | null }[]): DayReading[] {
  const byKey = new Map<string, DayReading>();
  for (const { dateRange } of sources) {
    if (!dateRange) continue;
    const key = `${dateRange.from}/${dateRange.to}`;
    const reading = byKey.get(key);
    if (reading) reading.reports++;
    else byKey.set(key, { range: dateRange, reports: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.reports - a.reports || a.range.from.localeCompare(b.range.from));
}

/** Two of the readings cannot both be right: the reports disagree on the day. */
export function readingsDisagree(readings: DayReading[]): boolean {
  return readings.some((a, i) => readings.slice(i + 1).some((b) => intersectRanges(a.range, b.range) === null));
}
