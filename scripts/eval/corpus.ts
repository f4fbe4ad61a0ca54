// The real-report corpus on disk: episodes of reports with their hand-written gold, and the
// fixed split of episodes into dev (tuned on) and test (reported only).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { BatchInput } from "../../lib/ingest/batch";

export const CORPUS_DIR = path.join(__dirname, "..", "..", "__tests__", "real-reports");
const ROOT = path.join(__dirname, "..", "..");

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day written YYYY-MM-DD");

const goldStatementSchema = z.object({
  key: z.string().min(3),
  speaker: z.string().min(1),
  speakerAliases: z.array(z.string()).optional(),
  speakerCountry: z.string().min(1),
  target: z.string().nullable(),
  days: z.array(isoDay).min(1).nullable(),
  kind: z.enum(["direct", "reported"]),
  label: z.enum(["hostile", "neutral", "conciliatory"]),
  intensity: z.enum(["strong", "mild"]).nullable(),
  reports: z.array(z.string()).min(1),
  note: z.string().optional(),
});

const swingSchema = z.object({
  speaker: z.string().min(1),
  hostileDays: z.array(isoDay).min(1),
  conciliatoryDays: z.array(isoDay).min(1),
});

const goldSchema = z.object({
  episode: z.string(),
  countries: z.array(z.string()).min(2),
  about: z.string(),
  /** Where the reports are, relative to the repository, when not beside gold.json. */
  reportsDir: z.string().optional(),
  statements: z.array(goldStatementSchema).min(1),
  swings: z.array(swingSchema),
});

const splitsSchema = z.object({
  _about: z.string().optional(),
  dev: z.array(z.string()).min(1),
  test: z.array(z.string()).min(1),
  /** Episodes the rules were written alongside: reported apart, never as accuracy on unseen text. */
  seeds: z.array(z.string()),
});

export type GoldStatement = z.infer<typeof goldStatementSchema>;
export type Swing = z.infer<typeof swingSchema>;
export type Gold = z.infer<typeof goldSchema>;
export type SplitName = "dev" | "test" | "seeds";
export const SPLIT_NAMES: SplitName[] = ["seeds", "dev", "test"];

export interface Episode {
  name: string;
  gold: Gold;
  /** The report files, as the pipeline reads them. */
  reports: BatchInput[];
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path.relative(ROOT, file)}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

export function readSplits(dir = CORPUS_DIR): Record<SplitName, string[]> {
  const { dev, test, seeds } = readJson(path.join(dir, "splits.json"), splitsSchema);
  return { dev, test, seeds };
}

/** The rule that put each episode in its split, fixed before the product read it: about a third in test. */
export function splitOfEpisode(name: string): "dev" | "test" {
  const hash = parseInt(createHash("sha256").update(name).digest("hex").slice(0, 8), 16);
  return hash % 3 === 0 ? "test" : "dev";
}

export function readEpisode(name: string, dir = CORPUS_DIR): Episode {
  const gold = readJson(path.join(dir, name, "gold.json"), goldSchema);
  const reportsDir = gold.reportsDir ? path.join(ROOT, gold.reportsDir) : path.join(dir, name);
  const files = fs.readdirSync(reportsDir).filter((file) => file.endsWith(".txt")).sort();
  const reports = files.map((file) => ({ path: file, bytes: fs.readFileSync(path.join(reportsDir, file)) }));
  for (const statement of gold.statements) {
    for (const report of statement.reports) {
      if (!files.includes(report)) throw new Error(`${name}/gold.json: "${statement.key}" lists ${report}, which is not a report of the episode`);
    }
  }
  return { name, gold, reports };
}

export function readSplit(split: SplitName, dir = CORPUS_DIR): Episode[] {
  return readSplits(dir)[split].map((name) => readEpisode(name, dir));
}
