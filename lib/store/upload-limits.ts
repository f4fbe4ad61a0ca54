// The limits an upload's analysis runs within (lib/store/upload.ts), and how it stopped when it
// hit one. Apart from the worker code, so that the route shell and the admin page can name them.
export interface UploadLimits {
  /** Analysis time, counted from the worker having loaded the language model (about 1–2 s). */
  timeMs: number;
  /** The worker's V8 heap (old generation). */
  heapMb: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { timeMs: 30_000, heapMb: 512 };

/** UPLOAD_TIME_LIMIT_MS and UPLOAD_HEAP_MB when they are positive numbers, else the defaults. */
export function uploadLimits(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  const positive = (value: string | undefined) => (value && Number(value) > 0 ? Number(value) : undefined);
  return {
    timeMs: positive(env.UPLOAD_TIME_LIMIT_MS) ?? DEFAULT_UPLOAD_LIMITS.timeMs,
    // The model alone needs about 60 MB; below that every upload would fail.
    heapMb: Math.max(64, positive(env.UPLOAD_HEAP_MB) ?? DEFAULT_UPLOAD_LIMITS.heapMb),
  };
}

export type StopReason = "time" | "memory" | "aborted" | "failed";

/** An upload stopped before anything was stored, and why. */
export class UploadStopped extends Error {
  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
    this.name = "UploadStopped";
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

export function stopped(reason: Exclude<StopReason, "failed">, limits: UploadLimits): UploadStopped {
  switch (reason) {
    case "time":
      return new UploadStopped("time", `analysis took longer than its ${seconds(limits.timeMs)} limit and was stopped; nothing was stored (split the text, or raise UPLOAD_TIME_LIMIT_MS)`);
    case "memory":
      return new UploadStopped("memory", `analysis needed more than its ${limits.heapMb} MB memory limit and was stopped; nothing was stored (split the text, or raise UPLOAD_HEAP_MB)`);
    case "aborted":
      return new UploadStopped("aborted", "the client cancelled the upload; nothing was stored");
  }
}
