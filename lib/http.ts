// Shared shell of the route handlers: typed errors → status codes, JSON bodies.
import { FilterError } from "./filters";

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Runs a handler body; a bad parameter becomes 400 naming it, anything else 500 (logged, not leaked). */
export async function withErrors(route: string, body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof FilterError) return jsonError(400, e.message, { param: e.param });
    console.error(`${route}:`, e);
    return jsonError(500, "The store could not be read; see the server log.");
  }
}

/** `attachment` disposition with an ASCII file name (and the RFC 5987 form for other characters). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w.-]+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
