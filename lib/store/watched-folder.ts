// A watched folder: each article file dropped into it is stored through the ordinary ingest
// path, then moved to its ingested/ subfolder; a file the pipeline rejects is moved to rejected/
// beside a `<name>.reason.txt` saying why. Files are taken one at a time, once they stopped
// growing, and those already there when watching starts are taken first.
import fs from "node:fs";
import path from "node:path";
import chokidar from "chokidar";
import { analyzeBatch } from "../ingest/batch";
import type { Db } from "./client";
import { ingestBatch } from "./ingest";

export const INGESTED_DIR = "ingested";
export const REJECTED_DIR = "rejected";

export interface DroppedFileResult {
  file: string;
  outcome: "ingested" | "duplicate" | "rejected";
  reason?: string;
  statements?: { new: number; merged: number };
}

/** `file` moved into `dir`/`sub`/, under a name not taken there yet; returns the new path. */
function moveInto(dir: string, sub: string, file: string): string {
  const target = path.join(dir, sub);
  fs.mkdirSync(target, { recursive: true });
  const { name, ext } = path.parse(file);
  let destination = path.join(target, path.basename(file));
  for (let n = 2; fs.existsSync(destination); n++) destination = path.join(target, `${name}-${n}${ext}`);
  fs.renameSync(file, destination);
  return destination;
}

/** Moves `file` to rejected/ with its reason beside it. */
function reject(dir: string, file: string, reason: string): DroppedFileResult {
  const moved = moveInto(dir, REJECTED_DIR, file);
  fs.writeFileSync(`${moved}.reason.txt`, `${reason}\n`);
  return { file, outcome: "rejected", reason };
}

/** The name an article is stored under: relative to the working directory when inside it. */
function articlePath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

/** A rejection's reason without the path it starts with: the reason file sits beside the file. */
function withoutPath(rejection: { path: string; reason: string }): string {
  return rejection.reason.startsWith(`${rejection.path}: `) ? rejection.reason.slice(rejection.path.length + 2) : rejection.reason;
}

/** Stores one dropped file and moves it aside (see the file's head). */
export async function ingestDroppedFile(db: Db, dir: string, file: string, options: { date?: string } = {}): Promise<DroppedFileResult> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return reject(dir, file, `unreadable: ${(error as Error).message}`);
  }
  const batch = analyzeBatch([{ path: articlePath(file), bytes }], { date: options.date });
  if (batch.rejected.length > 0) return reject(dir, file, withoutPath(batch.rejected[0]));
  const stored = await ingestBatch(db, batch);
  moveInto(dir, INGESTED_DIR, file);
  return { file, outcome: stored.articles.new > 0 ? "ingested" : "duplicate", statements: stored.statements };
}

export interface FolderWatch {
  /** Resolves when every file seen so far has been handled. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches `dir` (not its subfolders) and handles each file dropped into it, in the order they
 * settle; `onFile` sees each result, `onError` a failure to store (the file then stays put).
 */
export function watchFolder(
  db: Db,
  dir: string,
  options: { date?: string; stableMs?: number; onFile?: (result: DroppedFileResult) => void; onError?: (file: string, error: Error) => void } = {},
): FolderWatch {
  dir = path.resolve(dir);
  fs.mkdirSync(dir, { recursive: true });
  let queue: Promise<void> = Promise.resolve();
  const watcher = chokidar.watch(dir, {
    depth: 0,
    ignored: (candidate: string) => {
      const base = path.basename(candidate);
      return base.startsWith(".") || (path.dirname(path.resolve(candidate)) === dir && (base === INGESTED_DIR || base === REJECTED_DIR));
    },
    awaitWriteFinish: { stabilityThreshold: options.stableMs ?? 500, pollInterval: Math.min(100, options.stableMs ?? 100) },
  });
  const handle = (file: string) => {
    queue = queue.then(async () => {
      if (!fs.existsSync(file)) return;
      try {
        options.onFile?.(await ingestDroppedFile(db, dir, file, { date: options.date }));
      } catch (error) {
        options.onError?.(file, error as Error);
      }
    });
  };
  watcher.on("add", handle);
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    idle: async () => {
      await ready;
      await queue;
    },
    close: async () => {
      await watcher.close();
      await queue;
    },
  };
}
