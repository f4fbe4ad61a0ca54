// POST /api/login {"password"} — starts an admin session (sealed, httpOnly,
// SameSite=Strict cookie). 401 wrong password, 429 too many failures from this client.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { ADMIN_USER, attemptLogin, clientKey, refuseCrossSite, startSession } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { jsonError, readJson, withErrors } from "@/lib/server/http";

const LoginBody = z.object({ password: z.string().min(1, "enter the password").max(1024, "too long") });

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest): Promise<Response> {
  return withErrors("POST /api/login", async () => {
    const refused = refuseCrossSite(request);
    if (refused) return refused;
    const { password } = await readJson(request, LoginBody);
    const result = await attemptLogin(getPrisma(), clientKey(request), password);
    if (!result.ok && result.status === 429) {
      const response = jsonError(429, `too many failed logins; try again in ${result.retryAfterSeconds} s`, { retryAfter: result.retryAfterSeconds });
      response.headers.set("Retry-After", String(result.retryAfterSeconds));
      return response;
    }
    if (!result.ok) return jsonError(401, "wrong password");
    const response = Response.json({ user: ADMIN_USER }, { headers: { "Cache-Control": "no-store" } });
    await startSession(request, response);
    return response;
  });
}
