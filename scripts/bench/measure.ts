// Small measuring helpers for the benchmark suite: no I/O except the table printer.

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile by linear interpolation between the closest ranks. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Whitespace-separated words, the unit of every throughput figure. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

export const round = (value: number, digits = 2) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value);

export interface Row {
  measure: string;
  value: string;
  target?: string;
  verdict?: "met" | "missed" | "";
}

export function formatTable(rows: Row[]): string {
  const header: Row = { measure: "measure", value: "value", target: "target", verdict: "" };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => String(r[key] ?? "").length));
  const [m, v, t] = [width("measure"), width("value"), width("target")];
  const line = (r: Row) => `${r.measure.padEnd(m)}  ${r.value.padStart(v)}  ${String(r.target ?? "").padEnd(t)}  ${r.verdict ?? ""}`.trimEnd();
  return [line(header), "-".repeat(m + v + t + 12), ...rows.map(line)].join("\n");
}
