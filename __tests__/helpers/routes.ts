// Requests for calling route handlers directly, as Next.js would hand them over.
import { NextRequest } from "next/server";
import { POST as loginPost } from "../../app/api/login/route";

export const ORIGIN = "http://localhost";

export interface RequestInit {
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  cookie?: string;
  origin?: string;
  raw?: BodyInit;
  type?: string;
  /** The request's signal: aborting it is the client going away. */
  signal?: AbortSignal;
}

export function request(path: string, init: RequestInit = {}): NextRequest {
  const headers = new Headers();
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.origin) headers.set("origin", init.origin);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  if (init.type) headers.set("content-type", init.type);
  return new NextRequest(new URL(path, ORIGIN), {
    method: init.method ?? "GET",
    headers,
    body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    signal: init.signal,
  });
}

export const ADMIN_PASSWORD = "correct horse battery staple";

/**
 * Points the route handlers at the store `url` (DATABASE_URL) with ADMIN_PASSWORD, logs in and
 * returns the session cookie; `restore` puts the environment back.
 */
export async function adminSession(url: string): Promise<{ cookie: string; restore: () => void }> {
  const saved = { url: process.env.DATABASE_URL, password: process.env.ADMIN_PASSWORD };
  process.env.DATABASE_URL = url;
  process.env.ADMIN_PASSWORD = ADMIN_PASSWORD;
  const response = await loginPost(request("/api/login", { method: "POST", body: { password: ADMIN_PASSWORD }, origin: ORIGIN }));
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
  if (!/^tension_session=./.test(cookie)) throw new Error(`no session cookie: ${cookie}`);
  return {
    cookie,
    restore() {
      process.env.DATABASE_URL = saved.url;
      if (saved.password === undefined) delete process.env.ADMIN_PASSWORD;
      else process.env.ADMIN_PASSWORD = saved.password;
    },
  };
}
