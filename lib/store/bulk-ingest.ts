// Bulk ingest, with all cores: worker threads analyze batches of articles (the CPU-heavy part)
// while this thread stores the finished batches in input order. The batches that are ready when
// the store is free go in together, in one transaction: a transaction's cost grows more slowly
// than its size (index pages, commit), so the store keeps up by taking bigger bites when it
// falls behind. The chart's rollups are rebuilt every few transactions instead of in each one
// (see ingestBatch's deferRollups): a day that many batches touch is rebuilt once. The chart
// lags the statements by those few transactions during a run and catches up at its end. Used by
// `npm run ingest -- --workers N` and by the benchmark.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { Db } from "./client";
import type { BatchInput, BatchResult } from "../ingest/batch";
import { flushPendingRollups, ingestBatch, type IngestSummary } from "./ingest";

export interface ParallelIngestOptions {
  /** Analysis threads (default: one per core). */
  workers?: number;
  /** Publication date for articles without one. */
  date?: string;
  /** Called after each transaction, with what it stored and how many input batches that was. */
  onStored?: (summary: IngestSummary, stored: BatchResult, batches: number) => void;
  /**
   * Articles each worker analyzes, unstored, before the clock starts: a measurement then times
   * compiled code, as a long run mostly does, not the first minutes' warm-up.
   */
  warmUp?: BatchInput[];
}

export interface ParallelIngestResult {
  summary: IngestSummary;
  rejected: BatchResult["rejected"];
  /** From every worker having loaded the language model (and warmed up) to the last batch stored. */
  seconds: number;
}

/** Articles per batch unless the caller names a size. */
export const DEFAULT_BATCH = 50;

/** Batches analyzed ahead of the store at most, per worker: bounds memory. */
const AHEAD_PER_WORKER = 4;
/**
 * Batches sent to a worker before it answers: one queued behind the one it analyzes. The store
 * runs on this thread in synchronous database calls, so a worker that had to wait for this
 * thread to hand it its next batch would sit idle through each of them.
 */
const QUEUED_PER_WORKER = 2;
/** Articles per store transaction at most: bounds a transaction's memory and lock time. */
const ARTICLES_PER_TRANSACTION = 400;
/** Store transactions between rebuilds of the chart's rollups. */
const TRANSACTIONS_PER_ROLLUP = 10;

function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** `inputs` cut into batches of `size` articles, in order. */
export function inBatches(inputs: BatchInput[], size = DEFAULT_BATCH): BatchInput[][] {
  const batches: BatchInput[][] = [];
  for (let i = 0; i < inputs.length; i += size) batches.push(inputs.slice(i, i + size));
  return batches;
}

/** `summary` with `files` more rejected articles: input files that could not be read. */
export function withUnreadable(summary: IngestSummary, files: number): IngestSummary {
  return { ...summary, articles: { ...summary.articles, rejected: summary.articles.rejected + files } };
}

function combined(results: BatchResult[]): BatchResult {
  if (results.length === 1) return results[0];
  return {
    articles: results.flatMap((r) => r.articles),
    rejected: results.flatMap((r) => r.rejected),
    statements: results.flatMap((r) => r.statements),
  };
}

function addSummary(total: IngestSummary, s: IngestSummary): void {
  total.articles.new += s.articles.new;
  total.articles.skipped += s.articles.skipped;
  total.articles.rejected += s.articles.rejected;
  total.statements.new += s.statements.new;
  total.statements.merged += s.statements.merged;
}

/**
 * A thread running bulk-ingest-worker.ts: it posts `{ ready: true }` once its model is
 * loaded, then answers each `{ id, inputs, date }` with `{ id, result }` or `{ id, error }`.
 */
export function analysisWorker(resourceLimits?: ResourceLimits): Worker {
  // The worker is TypeScript like this file. A worker does not inherit tsx's loader hooks, so
  // a one-line CommonJS entry registers tsx before requiring it.
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(workerFile())});`, { eval: true, resourceLimits });
}

function workerFile(): string {
  const beside = path.join(__dirname, "bulk-ingest-worker.ts");
  // In the Next.js server bundle __dirname is a placeholder ("/ROOT/lib/store"); the server
  // runs from the project's root.
  return fs.existsSync(beside) ? beside : path.join(process.cwd(), "lib", "store", "bulk-ingest-worker.ts");
}

/** Resolves when `worker` has analyzed `inputs` and thrown the result away. */
function warmUp(worker: Worker, inputs: BatchInput[]): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.once("message", (message: { error?: string }) => (message.error ? reject(new Error(`warm-up failed: ${message.error}`)) : resolve()));
    worker.postMessage({ id: -1, inputs: inputs.map((i) => ({ path: i.path, bytes: new Uint8Array(i.bytes) })) });
  });
}

/**
 * Analyzes `batches` on `workers` threads and stores the results with ingestBatch, in order.
 * A transaction that fails to store stops the run (the batches before it stay stored) and the
 * error is thrown.
 */
export async function ingestParallel(prisma: Db, batches: Iterable<BatchInput[]>, options: ParallelIngestOptions = {}): Promise<ParallelIngestResult> {
  const workerCount = Math.max(1, options.workers ?? defaultWorkers());
  const total: IngestSummary = { articles: { new: 0, skipped: 0, rejected: 0 }, statements: { new: 0, merged: 0 } };
  const rejected: BatchResult["rejected"] = [];
  const source = batches[Symbol.iterator]();
  const workers = Array.from({ length: workerCount }, analysisWorker);
  const finished = new Map<number, BatchResult>();
  let nextToSend = 0;
  let nextToStore = 0;
  let exhausted = false;
  let failure: Error | null = null;

  let started = 0;
  let transactions = 0;
  let completed = false;
  try {
    // Days queued by an earlier run that stopped before rebuilding them.
    await flushPendingRollups(prisma);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.once("message", () => resolve());
            worker.once("error", reject);
          }),
      ),
    );
    if (options.warmUp?.length) await Promise.all(workers.map((worker) => warmUp(worker, options.warmUp!)));
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
      const sentTo = new Map<Worker, number>(workers.map((worker) => [worker, 0]));
      const feed = () => {
        for (const worker of workers) {
          while (sentTo.get(worker)! < QUEUED_PER_WORKER && send(worker)) sentTo.set(worker, sentTo.get(worker)! + 1);
        }
        if (exhausted && nextToStore === nextToSend && !storing) resolve();
      };
      const store = async () => {
        if (storing) return;
        storing = true;
        try {
          while (finished.has(nextToStore)) {
            const ready: BatchResult[] = [];
            let articles = 0;
            while (finished.has(nextToStore + ready.length) && (ready.length === 0 || articles < ARTICLES_PER_TRANSACTION)) {
              const result = finished.get(nextToStore + ready.length)!;
              ready.push(result);
              articles += result.articles.length;
            }
            const result = combined(ready);
            const summary = await ingestBatch(prisma, result, { deferRollups: true });
            if (++transactions % TRANSACTIONS_PER_ROLLUP === 0) await flushPendingRollups(prisma);
            for (let i = 0; i < ready.length; i++) finished.delete(nextToStore + i);
            addSummary(total, summary);
            rejected.push(...result.rejected);
            options.onStored?.(summary, result, ready.length);
            nextToStore += ready.length;
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
          sentTo.set(worker, sentTo.get(worker)! - 1);
          feed();
          void store();
        });
        worker.on("error", fail);
      }
      feed();
    });
    await flushPendingRollups(prisma);
    completed = true;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    // What a failed run stored gets its rollups too. Should that fail as well, the days stay
    // queued for the next run, and the error that stopped this one is the one thrown.
    if (!completed) await flushPendingRollups(prisma).catch(() => undefined);
  }
  return { summary: total, rejected, seconds: (performance.now() - started) / 1000 };
}
