// npm run watch -- [--feed URL]… [--dir PATH] [--every 10m] [--once] [--gap 1s]
//
// Polls the stored feeds (RSS or Atom; --feed adds one to the store first) every --every
// (default 10 min) and stores their new items' articles, and with --dir stores each article
// file dropped into PATH (lib/store/watched-folder.ts). --once: one poll of every feed (backing
// off or not) and the files in PATH now, then exit. --gap: the least time between two requests
// to one host (default 1 s). Stops on SIGINT/SIGTERM after the item in hand.
// stdout: a line per feed polled and per file handled. Exit code (--once): 0, or 1 when a feed
// failed or a file was rejected; 2 on usage errors.
import fs from "node:fs";
import path from "node:path";
import { HostGate } from "../lib/ingest/feeds/pacing";
import { disconnect, getPrisma, ensureMigrated, type Db } from "../lib/store/client";
import { addFeed, FeedUrlError, listFeeds } from "../lib/store/feeds";
import { pollAll, watchFeeds, type PollSummary, type WatchOptions, type WatchProgress } from "../lib/store/watch";
import { ingestDroppedFile, watchFolder, type DroppedFileResult } from "../lib/store/watched-folder";
import { plural } from "../lib/view/format";
import { runCli, UsageError } from "./cli";
import { progressReporter, type ProgressReporter, type ProgressStream } from "./progress";
import { pageFetcher, pageToArticle } from "./watch-sources";

export const USAGE = "usage: npm run watch -- [--feed URL]… [--dir PATH] [--every 10m] [--once] [--gap 1s]";

export interface WatchArgs {
  feeds: string[];
  dir?: string;
  everyMs: number;
  gapMs: number;
  once: boolean;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** "10m", "30s", "1h", "250ms" (a bare number is seconds) → milliseconds; null when unreadable. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$/.exec(text.trim());
  if (!m) return null;
  return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? "s"]);
}

export function parseWatchArgs(argv: string[]): WatchArgs {
  const args: WatchArgs = { feeds: [], everyMs: 10 * 60_000, gapMs: 1000, once: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const duration = (min: number) => {
      const v = value();
      const ms = parseDuration(v);
      if (ms === null || ms < min) throw new UsageError(`${flag} ${v}: a duration such as 10m, 30s or 1h${min > 0 ? `, at least ${min} ms` : ""}\n${USAGE}`);
      return ms;
    };
    if (flag === "--feed") args.feeds.push(value());
    else if (flag === "--dir") args.dir = value();
    else if (flag === "--every") args.everyMs = duration(1000);
    else if (flag === "--gap") args.gapMs = duration(0);
    else if (flag === "--once") args.once = true;
    else if (flag === "--") continue;
    else if (flag === "--help" || flag === "-h") throw new UsageError(USAGE);
    else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
  }
  return args;
}

export function describePoll(s: PollSummary): string {
  if (s.status === "waiting") return `${s.feed}: backing off after failed polls`;
  if (s.status === "failed") return `${s.feed}: failed: ${s.error}`;
  if (s.status === "not-modified") return `${s.feed}: not modified`;
  const count = (outcome: string) => s.items.filter((i) => i.outcome === outcome).length;
  const statements = s.items.reduce((n, i) => n + (i.statements?.new ?? 0), 0);
  return `${s.feed}: ${plural(s.items.length, "new item")}: ${count("ingested")} ingested (${plural(statements, "new statement")}), ${count("duplicate")} already stored, ${count("rejected")} rejected, ${count("failed")} to retry`;
}

export function describeFile(r: DroppedFileResult): string {
  const name = path.basename(r.file);
  if (r.outcome === "rejected") return `${name}: rejected (${r.reason}), moved to rejected/`;
  return `${name}: ${r.outcome === "ingested" ? `ingested, ${plural(r.statements?.new ?? 0, "new statement")}` : "already stored"}, moved to ingested/`;
}

/**
 * A feed's new items as they are handled (scripts/progress.ts: a bar on a terminal, plain lines
 * elsewhere); then each item that was not stored, with its reason.
 */
function itemProgress(out: ProgressStream): WatchProgress {
  let reporter: ProgressReporter | null = null;
  let counts = { done: 0, total: 0, statements: 0, startedAt: 0 };
  const notStored: string[] = [];
  const report = () => reporter?.update({ done: counts.done, total: counts.total, statements: counts.statements, elapsedMs: Date.now() - counts.startedAt });
  return {
    feedStarted: (_feed, items) => {
      if (items === 0) return;
      reporter = progressReporter(out, "item");
      counts = { done: 0, total: items, statements: 0, startedAt: Date.now() };
      report();
    },
    itemDone: (item) => {
      counts.done++;
      counts.statements += item.statements?.new ?? 0;
      if (item.outcome === "rejected" || item.outcome === "failed") notStored.push(`  ${item.outcome}: ${item.url} (${item.reason})`);
      report();
    },
    feedDone: () => {
      reporter?.stop();
      reporter = null;
      for (const line of notStored.splice(0)) out.write(`${line}\n`);
    },
  };
}

/** The watcher's options: the safe fetch, the HTML reduction, `args.gapMs` between requests to a host, progress on `out`. */
export function watchOptions(args: Pick<WatchArgs, "gapMs">, out: ProgressStream = process.stdout): WatchOptions {
  return { fetch: pageFetcher(), toArticle: pageToArticle, gate: new HostGate(args.gapMs), progress: itemProgress(out) };
}

/** Files in `dir` itself, oldest name first. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => path.join(dir, e.name))
    .sort();
}

async function runOnce(db: Db, args: WatchArgs): Promise<number> {
  let failed = false;
  for (const summary of await pollAll(db, { ...watchOptions(args), force: true })) {
    console.log(describePoll(summary));
    failed ||= summary.status === "failed";
  }
  if (args.dir) {
    for (const file of filesIn(args.dir)) {
      const result = await ingestDroppedFile(db, args.dir, file);
      console.log(describeFile(result));
      failed ||= result.outcome === "rejected";
    }
  }
  return failed ? 1 : 0;
}

/** Watches until `signal` aborts: the feeds every args.everyMs, and args.dir as files arrive; says what it did on `out`. */
export async function runWatcher(db: Db, args: WatchArgs, signal: AbortSignal, out: ProgressStream = process.stdout): Promise<void> {
  const write = (line: string) => out.write(`${line}\n`);
  const folder = args.dir ? watchFolder(db, args.dir, { onFile: (r) => write(describeFile(r)), onError: (file, e) => write(`${path.basename(file)}: not stored: ${e.message}`) }) : null;
  try {
    await watchFeeds(db, { ...watchOptions(args, out), everyMs: args.everyMs, signal, onRound: (summaries) => summaries.forEach((s) => write(describePoll(s))) });
  } finally {
    await folder?.close();
  }
}

export async function runWatch(argv: string[]): Promise<number> {
  const args = parseWatchArgs(argv);
  try {
    return await watchWith(getPrisma(), args);
  } finally {
    await disconnect();
  }
}

async function watchWith(db: Db, args: WatchArgs): Promise<number> {
  await ensureMigrated(db);
  for (const url of args.feeds) {
    try {
      const { feed, created } = await addFeed(db, url);
      if (created) console.log(`added feed ${feed.url}`);
    } catch (e) {
      if (e instanceof FeedUrlError) throw new UsageError(`--feed ${url}: ${e.message}\n${USAGE}`);
      throw e;
    }
  }
  if (!args.dir && (await listFeeds(db)).length === 0) throw new UsageError(`no feeds stored: name one with --feed, or a folder with --dir\n${USAGE}`);
  if (args.once) return runOnce(db, args);
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  await runWatcher(db, args, stop.signal);
  return 0;
}

if (require.main === module) runCli(() => runWatch(process.argv.slice(2)));
