// Shared by the command-line shells: argument parsing and reading input files.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { BatchInput, Rejection } from "../lib/ingest/batch";
import { parseWeightSet } from "../lib/score/weights";
import type { WeightSet } from "../lib/core/types";
import { isValidISODate } from "../lib/core/days";
import { fetchArticleInputs, isWebAddress } from "../lib/server/fetch/article-input";

export class UsageError extends Error {}

export interface CliArgs {
  paths: string[];
  date?: string;
  weightsFile?: string;
  /** Analysis threads (ingest): with this, or with `batch`, ingest stores a transaction per batch. */
  workers?: number;
  /** Articles per transaction (ingest). */
  batch?: number;
}

const countSchema = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000");

const dateSchema = z.string().refine(isValidISODate, "must be a real day written YYYY-MM-DD");

export function parseArgs(argv: string[], usage: string): CliArgs {
  const args: CliArgs = { paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const valueOf = (flag: string) => {
      const inline = arg.startsWith(`${flag}=`) ? arg.slice(flag.length + 1) : undefined;
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw new UsageError(`${flag} needs a value\n${usage}`);
      return value;
    };
    if (arg === "--date" || arg.startsWith("--date=")) {
      const value = valueOf("--date");
      const parsed = dateSchema.safeParse(value);
      if (!parsed.success) throw new UsageError(`--date ${value}: ${parsed.error.issues[0].message}\n${usage}`);
      args.date = value;
    } else if (arg === "--weights" || arg.startsWith("--weights=")) {
      args.weightsFile = valueOf("--weights");
    } else if (arg === "--workers" || arg.startsWith("--workers=") || arg === "--batch" || arg.startsWith("--batch=")) {
      const flag = arg.startsWith("--workers") ? "--workers" : "--batch";
      const value = valueOf(flag);
      const parsed = countSchema.safeParse(value);
      if (!parsed.success) throw new UsageError(`${flag} ${value}: ${parsed.error.issues[0].message}\n${usage}`);
      if (flag === "--workers") args.workers = parsed.data;
      else args.batch = parsed.data;
    } else if (arg === "--help" || arg === "-h") {
      throw new UsageError(usage);
    } else if (arg.startsWith("--")) {
      throw new UsageError(`unknown option ${arg}\n${usage}`);
    } else {
      args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) throw new UsageError(`no input files\n${usage}`);
  return args;
}

export function readWeightsFile(file: string): WeightSet {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`--weights ${file}: ${(error as Error).message}`);
  }
  const parsed = parseWeightSet(raw);
  if (!parsed.ok) throw new UsageError(`--weights ${file}: ${parsed.errors.join("; ")}`);
  return parsed.weights;
}

const ARTICLE_EXTENSIONS = new Set([".txt", ".md", ".text", ".html", ".htm", ""]);

/** Files named on the command line, directories walked in sorted order. Unreadable paths are rejections, not crashes. */
export function readInputs(paths: string[]): { inputs: BatchInput[]; rejected: Rejection[] } {
  const inputs: BatchInput[] = [];
  const rejected: Rejection[] = [];
  const visit = (target: string, explicit: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      rejected.push({ path: target, reason: `${target}: no such file or directory` });
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) {
        if (entry.startsWith(".")) continue;
        visit(path.join(target, entry), false);
      }
      return;
    }
    if (!explicit && !ARTICLE_EXTENSIONS.has(path.extname(target).toLowerCase())) return;
    try {
      inputs.push({ path: target, bytes: fs.readFileSync(target) });
    } catch (error) {
      rejected.push({ path: target, reason: `${target}: cannot read (${(error as Error).message})` });
    }
  };
  for (const target of paths) visit(target, true);
  return { inputs, rejected };
}

/**
 * readInputs for arguments that may be web addresses too: each address is fetched (the server's
 * rules: time and size limits, no private addresses unless ALLOW_PRIVATE_FETCH) and a failure is
 * a rejection naming it; files and addresses keep their order among themselves.
 */
export async function readInputsAndPages(targets: string[]): Promise<{ inputs: BatchInput[]; rejected: Rejection[] }> {
  const files = readInputs(targets.filter((t) => !isWebAddress(t)));
  const pages = await fetchArticleInputs(targets.filter(isWebAddress));
  return { inputs: [...files.inputs, ...pages.inputs], rejected: [...files.rejected, ...pages.rejected] };
}

/** Runs a command's body; usage errors exit 2 with the message, anything else exits 1. */
export async function runCli(main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exitCode = 1;
    }
  }
}
