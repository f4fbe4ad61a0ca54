// GET /api/weights/history — every version, newest first, with what each changed.
import { getPrisma } from "@/lib/db";
import { withErrors } from "@/lib/http";
import { weightHistory } from "@/lib/weights-store";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return withErrors("GET /api/weights/history", async () =>
    Response.json({ versions: await weightHistory(getPrisma()) }, { headers: { "Cache-Control": "no-store" } }),
  );
}
