// An upload's ingest (POST /api/articles), kept off the request path: its analysis runs in a
// worker thread with a time and a heap limit, which is terminated when a limit is hit or the
// client goes away, and the store commits only if the client is still there. Analysis can cost
// far more than its input's size suggests; without the limits one hostile upload kept a server
// process busy for minutes at its whole heap and stored the result after the client had gone.
import type { BatchInput, BatchResult } from "../ingest/batch";
import type { Db } from "./client";
import { analysisWorker } from "./bulk-ingest";
import { ingestBatch, type IngestSummary } from "./ingest";
import { stopped, uploadLimits, UploadStopped, type UploadLimits } from "./upload-limits";

export interface UploadOptions {
  /** Publication date for articles without one. */
  date?: string;
  /** The request's signal: aborted when the client goes away. */
  signal?: AbortSignal;
  limits?: UploadLimits;
}

/** analyzeBatch(inputs) in a worker thread within `limits`; rejects with UploadStopped. */
export function analyzeUpload(inputs: BatchInput[], options: UploadOptions = {}): Promise<BatchResult> {
  const limits = options.limits ?? uploadLimits();
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(stopped("aborted", limits));
  const worker = analysisWorker({ maxOldGenerationSizeMb: limits.heapMb });
  return new Promise<BatchResult>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (error: Error | null, result?: BatchResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // terminate() interrupts running JavaScript, so the CPU and memory are back at once.
      void worker.terminate();
      if (error) reject(error);
      else resolve(result!);
    };
    const onAbort = () => settle(stopped("aborted", limits));
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: { ready?: boolean; result?: BatchResult; error?: string }) => {
      if (message.ready) {
        timer = setTimeout(() => settle(stopped("time", limits)), limits.timeMs);
        const bytes = inputs.map((i) => ({ path: i.path, bytes: new Uint8Array(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength) }));
        worker.postMessage({ id: 0, inputs: bytes, date: options.date });
      } else if (message.error) {
        settle(new UploadStopped("failed", `analysis failed; nothing was stored: ${message.error.split("\n")[0]}`));
      } else {
        settle(null, message.result);
      }
    });
    worker.on("error", (error: Error & { code?: string }) =>
      settle(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? stopped("memory", limits) : new UploadStopped("failed", `analysis failed; nothing was stored: ${error.message}`)),
    );
    worker.on("exit", (code) => settle(new UploadStopped("failed", `the analysis worker exited (code ${code}); nothing was stored`)));
  });
}

export interface UploadResult {
  /** null when no input could be read: nothing to store. */
  summary: IngestSummary | null;
  rejected: BatchResult["rejected"];
}

/**
 * Analyzes `inputs` within the limits (analyzeUpload) and stores the result in one transaction,
 * which rolls back when `signal` aborted meanwhile. Rejects with UploadStopped when nothing was
 * stored because of a limit or the client.
 */
export async function ingestUpload(prisma: Db, inputs: BatchInput[], options: UploadOptions = {}): Promise<UploadResult> {
  const result = await analyzeUpload(inputs, options);
  if (result.articles.length === 0) return { summary: null, rejected: result.rejected };
  try {
    return { summary: await ingestBatch(prisma, result, { signal: options.signal }), rejected: result.rejected };
  } catch (error) {
    if (options.signal?.aborted) throw stopped("aborted", options.limits ?? uploadLimits());
    throw error;
  }
}
