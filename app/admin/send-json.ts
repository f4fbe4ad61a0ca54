// A JSON request from an /admin form to its route, and the answer read back.

export interface JsonAnswer {
  ok: boolean;
  status: number;
  // The routes' bodies differ; each caller reads the fields it knows.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** Sends `body` as JSON; an answer that is not JSON reads as `{error: "HTTP <status>"}`. Throws when the server cannot be reached. */
export async function sendJson(url: string, method: string, body: unknown): Promise<JsonAnswer> {
  const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  return { ok: response.ok, status: response.status, data };
}
