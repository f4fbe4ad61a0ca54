import fs from "node:fs";
import path from "node:path";
import { analyzeBatch, type BatchInput } from "../../lib/ingest/batch";
import { defaultWeights } from "../../lib/score";
import { scoreStatements } from "../../lib/score";

export const ROOT = path.join(__dirname, "..", "..");

export function readDir(dir: string): BatchInput[] {
  const absolute = path.join(ROOT, dir);
  return fs
    .readdirSync(absolute)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ path: path.join(dir, name), bytes: fs.readFileSync(path.join(absolute, name)) }));
}

export function analyzeDir(dir: string, options: { date?: string } = {}) {
  const result = analyzeBatch(readDir(dir), options);
  return { ...result, scored: scoreStatements(result.statements, defaultWeights()) };
}

export const folded = (s: string) => s.toLowerCase().replace(/[“”"]/g, '"').replace(/[’‘]/g, "'");

/** The statement whose text or one of whose sources contains the quote. */
export function findByQuote<T extends { text: string; sources: { quote: string }[] }>(statements: T[], quote: string): T[] {
  const q = folded(quote);
  return statements.filter((s) => folded(s.text).includes(q) || s.sources.some((source) => folded(source.quote).includes(q)));
}

/** About `bytes` of news prose as one article: the seed articles one after another, dated by front matter. */
export function seedProse(bytes: number): string {
  const seeds = readDir("seeds").map((input) => input.bytes.toString("utf8"));
  let text = "---\ntitle: A long read\ndate: 2026-03-02\n---\n";
  for (let i = 0; text.length < bytes; i++) text += `${seeds[i % seeds.length]}\n\n`;
  return text;
}
