// Ingest with all cores: worker threads analyze batches of articles (the CPU-heavy part) while
// this thread stores the finished batches one at a time, in input order, each in its own
// transaction. Used by `npm run ingest -- --workers N` and by the benchmark.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Db } from "../lib/db";
import type { BatchInput, BatchResult } from "../lib/pipeline";
import { ingestBatch, type IngestSummary } from "../lib/store";

export interface ParallelIngestOptions {
  /** Analysis threads (default: one per core). */
  workers?: number;
  /** Publication date for articles without one. */
  date?: string;
  /** Called after each stored batch. */
  onBatch?: (summary: IngestSummary, batch: BatchResult) => void;
}

export interface ParallelIngestResult {
  summary: IngestSummary;
  rejected: BatchResult["rejected"];
  /** From every worker having loaded the language model to the last batch stored. */
  seconds: number;
}

/** Batches analyzed ahead of the store at most, per worker: bounds memory. */
const AHEAD_PER_WORKER = 2;

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

function addSummary(total: IngestSummary, s: IngestSummary): void {
  total.articles.new += s.articles.new;
  total.articles.skipped += s.articles.skipped;
  total.articles.rejected += s.articles.rejected;
  total.statements.new += s.statements.new;
  total.statements.merged += s.statements.merged;
}

/**
 * Analyzes `batches` on `workers` threads and stores each result with ingestBatch, in order.
 * A batch that fails to store stops the run (the batches before it stay stored) and the
 * error is thrown.
 */
export async function ingestParallel(prisma: Db, batches: Iterable<BatchInput[]>, options: ParallelIngestOptions = {}): Promise<ParallelIngestResult> {
  const workerCount = Math.max(1, options.workers ?? defaultWorkers());
  const total: IngestSummary = { articles: { new: 0, skipped: 0, rejected: 0 }, statements: { new: 0, merged: 0 } };
  const rejected: BatchResult["rejected"] = [];
  const source = batches[Symbol.iterator]();
  const workerFile = path.join(__dirname, "analyze-worker.ts");
  // The worker is TypeScript like this file. A worker does not inherit tsx's loader hooks, so
  // a one-line CommonJS entry registers tsx before requiring it.
  const entry = `require("tsx/cjs/api").register(); require(${JSON.stringify(workerFile)});`;
  const workers = Array.from({ length: workerCount }, () => new Worker(entry, { eval: true }));
  const finished = new Map<number, BatchResult>();
  let nextToSend = 0;
  let nextToStore = 0;
  let exhausted = false;
  let failure: Error | null = null;

  let started = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.once("message", () => resolve());
            worker.once("error", reject);
          }),
      ),
    );
    started = performance.now();
    await new Promise<void>((resolve, reject) => {
      let storing = false;
      const fail = (error: Error) => {
        if (!failure) failure = error;
        reject(error);
      };
      const send = (worker: Worker): boolean => {
        if (exhausted || failure || nextToSend - nextToStore >= workerCount * AHEAD_PER_WORKER) return false;
        const next = source.next();
        if (next.done) {
          exhausted = true;
          return false;
        }
        const inputs = next.value.map((i) => ({ path: i.path, bytes: new Uint8Array(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength) }));
        worker.postMessage({ id: nextToSend++, inputs, date: options.date });
        return true;
      };
      const idle = new Set<Worker>();
      const feed = () => {
        for (const worker of [...idle]) if (send(worker)) idle.delete(worker);
        if (exhausted && nextToStore === nextToSend && !storing) resolve();
      };
      const store = async () => {
        if (storing) return;
        storing = true;
        try {
          while (finished.has(nextToStore)) {
            const result = finished.get(nextToStore)!;
            finished.delete(nextToStore);
            const summary = await ingestBatch(prisma, result);
            addSummary(total, summary);
            rejected.push(...result.rejected);
            options.onBatch?.(summary, result);
            nextToStore++;
            feed();
          }
        } catch (error) {
          fail(error as Error);
        } finally {
          storing = false;
        }
        feed();
      };
      for (const worker of workers) {
        worker.on("message", (message: { id: number; result?: BatchResult; error?: string }) => {
          if (message.error) return fail(new Error(`analysis failed: ${message.error}`));
          finished.set(message.id, message.result!);
          idle.add(worker);
          feed();
          void store();
        });
        worker.on("error", fail);
        idle.add(worker);
      }
      feed();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { summary: total, rejected, seconds: (performance.now() - started) / 1000 };
}
