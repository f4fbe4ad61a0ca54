// A long command's progress as one line: how far it is, how fast it goes and when it should end.
import { plural } from "./format";

export interface Progress {
  done: number;
  total: number;
  /** What `done` counts, singular ("article"). */
  unit: string;
  elapsedMs: number;
  /** Other counts to show after the rate, already worded ("843 statements"). */
  extra?: string[];
}

/** "150/1,200 articles (12 %), 843 statements, 3.2 articles/s, about 5 min 28 s left". */
export function formatProgress(p: Progress): string {
  const percent = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 100;
  const perSecond = p.elapsedMs > 0 ? (1000 * p.done) / p.elapsedMs : 0;
  const parts = [`${p.done.toLocaleString("en-US")}/${plural(p.total, p.unit)} (${percent} %)`, ...(p.extra ?? []), `${perSecond.toFixed(perSecond < 10 ? 1 : 0)} ${p.unit}s/s`];
  if (p.done < p.total) parts.push(perSecond > 0 ? `about ${formatDuration(((p.total - p.done) / perSecond) * 1000)} left` : "time left unknown");
  return parts.join(", ");
}

/** "2 h 05 min", "5 min 28 s", "9 s". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${String(min).padStart(2, "0")} min`;
  if (min > 0) return `${min} min ${s} s`;
  return `${s} s`;
}
