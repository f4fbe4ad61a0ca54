// POST /api/weights/rollback {"version", "baseVersion"?} — makes an old version's weights
// active again as a new version, re-scoring every statement. Session required.
import { z } from "zod";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { jsonError, readJson, withErrors } from "@/lib/server/http";
import { getActiveWeights, rollbackWeightSet, StaleVersionError, UnknownVersionError } from "@/lib/store/weight-sets";

export const dynamic = "force-dynamic";

const rollbackBody = z
  .object({
    version: z.number().int().positive(),
    /** When given, the rollback is refused (409) if another save landed since. */
    baseVersion: z.number().int().positive().optional(),
  })
  .strict();

export async function POST(request: Request): Promise<Response> {
  return withErrors("POST /api/weights/rollback", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const body = await readJson(request, rollbackBody);
    const db = getPrisma();
    try {
      const baseVersion = body.baseVersion ?? (await getActiveWeights(db)).version;
      const { weightSet, rescored } = await rollbackWeightSet(db, body.version, { baseVersion, createdBy: auth.user });
      return Response.json({ version: weightSet.version, restored: body.version, rescored });
    } catch (e) {
      if (e instanceof UnknownVersionError) return jsonError(404, e.message, { fields: { version: e.message } });
      if (e instanceof StaleVersionError) return jsonError(409, e.message, { baseVersion: e.baseVersion, currentVersion: e.current.version, changes: e.changes });
      throw e;
    }
  });
}
