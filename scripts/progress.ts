// A long command's progress: on a terminal a bar redrawn in place (cli-progress) with the
// articles done, the statements, the rate and the time left; elsewhere (a log, a pipe) a plain
// line for the first update, then one every few seconds and one at the end, so a log shows
// progress without a line per article.
import { Presets, SingleBar } from "cli-progress";
import { formatProgress } from "../lib/view/progress";
import { plural } from "../lib/view/format";

/** Plain progress lines at most this often when the stream is not a terminal. */
export const LINE_EVERY_MS = 2000;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export interface ProgressCounts {
  done: number;
  total: number;
  statements: number;
  elapsedMs: number;
}

export interface ProgressReporter {
  update(counts: ProgressCounts): void;
  /** Ends the bar (its last state stays on screen); a no-op for plain lines. */
  stop(): void;
}

/** "12.5": `done` per second, one decimal below ten. */
function rate(done: number, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? (1000 * done) / elapsedMs : 0;
  return perSecond.toFixed(perSecond < 10 ? 1 : 0);
}

/** Progress of `unit`s ("article") on `out`: a bar when it is a terminal, plain lines otherwise. */
export function progressReporter(out: ProgressStream, unit: string): ProgressReporter {
  if (!out.isTTY) return plainLines(out, unit);
  const bar = new SingleBar(
    {
      stream: out as NodeJS.WritableStream,
      format: `{bar} {value}/{total} ${unit}s | {statements} | {rate} ${unit}s/s | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(c) {
      const payload = { statements: plural(c.statements, "statement"), rate: rate(c.done, c.elapsedMs) };
      if (!started) {
        bar.start(c.total, c.done, payload);
        started = true;
      } else bar.update(c.done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function plainLines(out: ProgressStream, unit: string): ProgressReporter {
  let lastLine = -Infinity;
  return {
    update(c) {
      if (lastLine === -Infinity || c.elapsedMs - lastLine >= LINE_EVERY_MS || c.done === c.total) {
        lastLine = c.elapsedMs;
        out.write(`${formatProgress({ done: c.done, total: c.total, unit, elapsedMs: c.elapsedMs, extra: [plural(c.statements, "statement")] })}\n`);
      }
    },
    stop() {},
  };
}
