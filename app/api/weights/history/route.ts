// GET /api/weights/history — every version, newest first, with what each changed.
import { getPrisma } from "@/lib/store/client";
import { withErrors } from "@/lib/server/http";
import { weightHistory } from "@/lib/store/weight-sets";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return withErrors("GET /api/weights/history", async () =>
    Response.json({ versions: await weightHistory(getPrisma()) }, { headers: { "Cache-Control": "no-store" } }),
  );
}
