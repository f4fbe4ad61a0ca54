// Worker thread of a bulk ingest (lib/store/bulk-ingest.ts): analyzes the batches it is sent
// and posts the results back. Pure CPU work, no store: the parent stores.
import { parentPort } from "node:worker_threads";
import { nlp } from "../ingest/nlp";
import { analyzeBatch, type BatchInput } from "../ingest/batch";

export interface AnalyzeRequest {
  id: number;
  inputs: { path: string; bytes: Uint8Array }[];
  date?: string;
}

// Load the language model and learn the rule cues before the first batch, then say so: the
// parent times ingest from there.
nlp();
parentPort?.postMessage({ ready: true });

parentPort?.on("message", (request: AnalyzeRequest) => {
  try {
    const inputs: BatchInput[] = request.inputs.map((i) => ({ path: i.path, bytes: Buffer.from(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength) }));
    parentPort!.postMessage({ id: request.id, result: analyzeBatch(inputs, { date: request.date }) });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).stack ?? String(error) });
  }
});
