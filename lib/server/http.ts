// Shared shell of the route handlers: typed errors → status codes, JSON bodies.
import type { z } from "zod";
import { FilterError } from "../read/filters";
import { UploadStopped, type StopReason } from "../store/upload-limits";

/** A request body that is not what the route accepts: 422 with an error per field. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly fields: Record<string, string> = {},
    readonly status = 422,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

/** Largest JSON body a route reads (article text is limited separately, per file). */
const MAX_JSON_BYTES = 6 * 1024 * 1024;

function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.join(".") || "(body)";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Parses and validates a JSON body against `schema`, or throws BodyError. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new BodyError("send the body as JSON (Content-Type: application/json)", {}, 415);
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) throw new BodyError(`body larger than ${MAX_JSON_BYTES / 1024 / 1024} MB`, {}, 413);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BodyError("body is not valid JSON", { "(body)": "not valid JSON" });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BodyError("invalid request body", fieldErrors(parsed.error.issues));
  return parsed.data;
}

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * An upload that hit a limit is refused for what it is (422: sending it again fails again); one
 * whose client went away gets nginx's 499, which only the log sees.
 */
const STOPPED_STATUS: Record<StopReason, number> = { time: 422, memory: 422, aborted: 499, failed: 500 };

/**
 * Runs a handler body; a bad parameter becomes 400 naming it, a stopped upload its reason, anything
 * else 500 (logged, not leaked).
 */
export async function withErrors(route: string, body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof FilterError) return jsonError(400, e.message, { param: e.param });
    if (e instanceof BodyError) return jsonError(e.status, e.message, Object.keys(e.fields).length ? { fields: e.fields } : {});
    if (e instanceof UploadStopped) {
      console.warn(`${route}: ${e.message}`);
      return jsonError(STOPPED_STATUS[e.reason], e.message, { stopped: e.reason });
    }
    console.error(`${route}:`, e);
    return jsonError(500, "The store could not be read; see the server log.");
  }
}

/** `attachment` disposition with an ASCII file name (and the RFC 5987 form for other characters). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.-]+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
