// Benchmarks 1 and 2: the pipeline against bare wink-nlp, and ingest with worker threads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { applySqliteMigrations, createPrisma } from "../../lib/store/client";
import { nlp } from "../../lib/ingest/nlp";
import { analyzeBatch, type BatchInput } from "../../lib/ingest/batch";
import { analysisWorker, ingestParallel } from "../../lib/store/bulk-ingest";
import { wordCount } from "./measure";

/** Articles per analyzeBatch call, as the ingest command and the workers batch them. */
export const BATCH_ARTICLES = 50;

export function toBatches(articles: { path: string; text: string }[], size = BATCH_ARTICLES): BatchInput[][] {
  const batches: BatchInput[][] = [];
  for (let i = 0; i < articles.length; i += size) {
    batches.push(articles.slice(i, i + size).map((a) => ({ path: a.path, bytes: Buffer.from(a.text, "utf8") })));
  }
  return batches;
}

export interface PipelineResult {
  articles: number;
  words: number;
  statements: number;
  pipelineWordsPerSecond: number;
  winkWordsPerSecond: number;
  /** pipeline words/s ÷ bare wink words/s */
  ratio: number;
}

/**
 * The whole analysis (parse, statements, dates, merge, features, no store) against wink-nlp's
 * bare readDoc + document sentiment over the same texts, batch by batch in alternation so that
 * both see the same machine load. Both sides first run over the texts unmeasured: the pipeline
 * has far more code for the JIT to compile than wink, and a short run would measure that
 * warm-up rather than throughput. Each side then keeps its best of `rounds` passes.
 */
export function benchPipeline(articles: { path: string; text: string }[], rounds: number): PipelineResult {
  const batches = toBatches(articles);
  const texts = batches.map((batch) => batch.map((input) => input.bytes.toString("utf8")));
  // The pipeline's wink instance must exist before a second one is made: learning custom
  // entities on a second instance of the same model fails.
  nlp();
  const bare = winkNLP(model);
  const pass = () => {
    let pipelineMs = 0;
    let winkMs = 0;
    let statements = 0;
    batches.forEach((batch, i) => {
      let started = performance.now();
      for (const text of texts[i]) bare.readDoc(text).out(bare.its.sentiment);
      winkMs += performance.now() - started;
      started = performance.now();
      statements += analyzeBatch(batch).statements.length;
      pipelineMs += performance.now() - started;
    });
    return { pipelineMs, winkMs, statements };
  };
  const warmUp = pass();
  let pipelineMs = Infinity;
  let winkMs = Infinity;
  for (let round = 0; round < rounds; round++) {
    const measured = pass();
    pipelineMs = Math.min(pipelineMs, measured.pipelineMs);
    winkMs = Math.min(winkMs, measured.winkMs);
  }
  const words = articles.reduce((n, a) => n + wordCount(a.text), 0);
  const pipelineWordsPerSecond = words / (pipelineMs / 1000);
  const winkWordsPerSecond = words / (winkMs / 1000);
  return { articles: articles.length, words, statements: warmUp.statements, pipelineWordsPerSecond, winkWordsPerSecond, ratio: pipelineWordsPerSecond / winkWordsPerSecond };
}

export interface IngestResult {
  articles: number;
  words: number;
  workers: number;
  seconds: number;
  wordsPerSecond: number;
  statements: number;
}

/** Articles each ingest worker analyzes before the clock starts, as the pipeline stage's warm-up pass. */
const WARM_UP_ARTICLES = 200;

/** Analyze and store into a fresh SQLite file with `workers` analysis threads. */
export async function benchIngest(articles: { path: string; text: string }[], workers: number): Promise<IngestResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-bench-ingest-"));
  const file = path.join(dir, "ingest.db");
  applySqliteMigrations(file);
  const prisma = createPrisma(`file:${file}`, { bulkWriter: true });
  try {
    const run = await ingestParallel(prisma, toBatches(articles), { workers, warmUp: toBatches(articles.slice(0, WARM_UP_ARTICLES), WARM_UP_ARTICLES)[0] });
    const words = articles.reduce((n, a) => n + wordCount(a.text), 0);
    return { articles: articles.length, words, workers, seconds: run.seconds, wordsPerSecond: words / run.seconds, statements: run.summary.statements.new };
  } finally {
    await prisma.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds to analyze `batches` on `workers` threads, storing nothing. */
async function analyzeOnWorkers(batches: BatchInput[][], workers: number): Promise<number> {
  const threads = Array.from({ length: workers }, analysisWorker);
  try {
    await Promise.all(threads.map((thread) => new Promise((resolve) => thread.once("message", resolve))));
    const warmUp = batches.flat().slice(0, WARM_UP_ARTICLES).map((i) => ({ path: i.path, bytes: new Uint8Array(i.bytes) }));
    await Promise.all(threads.map((thread) => new Promise((resolve) => (thread.once("message", resolve), thread.postMessage({ id: -1, inputs: warmUp })))));
    const started = performance.now();
    let sent = 0;
    let answered = 0;
    await new Promise<void>((resolve, reject) => {
      const send = (thread: (typeof threads)[number]) => {
        if (sent < batches.length) thread.postMessage({ id: sent, inputs: batches[sent++].map((i) => ({ path: i.path, bytes: new Uint8Array(i.bytes) })) });
      };
      for (const thread of threads) {
        thread.on("message", (message: { error?: string }) => {
          if (message.error) return reject(new Error(message.error));
          if (++answered === batches.length) resolve();
          else send(thread);
        });
        send(thread);
      }
    });
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

/**
 * The analysis alone on 1 and on 2 worker threads: how much a second core gives work that
 * divides perfectly on this machine, the ceiling for ingest's worker scaling.
 */
export async function benchAnalysisScaling(articles: { path: string; text: string }[]): Promise<{ oneSeconds: number; twoSeconds: number; scaling: number }> {
  const batches = toBatches(articles);
  const oneSeconds = await analyzeOnWorkers(batches, 1);
  const twoSeconds = await analyzeOnWorkers(batches, 2);
  return { oneSeconds, twoSeconds, scaling: oneSeconds / twoSeconds };
}
