// GET /api/weights — the active weight set (public, read-only).
// PUT /api/weights {"weights","baseVersion","note"} — saves a new version and re-scores
// every statement in one transaction (session required; 409 when baseVersion is stale).
import { z } from "zod";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { jsonError, readJson, withErrors } from "@/lib/server/http";
import { weightSetSchema } from "@/lib/score/weights";
import { getActiveWeights, saveWeightSet, StaleVersionError } from "@/lib/store/weight-sets";

export const dynamic = "force-dynamic";

const saveBody = z
  .object({
    weights: weightSetSchema,
    baseVersion: z.number().int().positive(),
    note: z.string().trim().max(500).default(""),
  })
  .strict();

export async function GET(): Promise<Response> {
  return withErrors("GET /api/weights", async () => {
    const active = await getActiveWeights(getPrisma());
    return Response.json(
      { version: active.version, weights: active.weights, createdAt: active.createdAt.toISOString(), note: active.note, createdBy: active.createdBy },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export async function PUT(request: Request): Promise<Response> {
  return withErrors("PUT /api/weights", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const body = await readJson(request, saveBody);
    try {
      const { weightSet, rescored } = await saveWeightSet(getPrisma(), body.weights, { baseVersion: body.baseVersion, note: body.note, createdBy: auth.user });
      return Response.json({ version: weightSet.version, rescored, createdAt: weightSet.createdAt.toISOString() });
    } catch (e) {
      if (e instanceof StaleVersionError) {
        return jsonError(409, e.message, {
          baseVersion: e.baseVersion,
          currentVersion: e.current.version,
          current: { note: e.current.note, createdBy: e.current.createdBy, createdAt: e.current.createdAt.toISOString(), weights: e.current.weights },
          changes: e.changes,
        });
      }
      throw e;
    }
  });
}
