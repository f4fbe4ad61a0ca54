// POST /api/weights/preview?<same filters as /api/series> {"weights"} — the chart's rows
// under unsaved weights (re-scored from stored features, nothing saved), with the saved
// rows beside them and the statements whose label would change. Session required.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { parseFilters } from "@/lib/read/filters";
import { readJson, withErrors } from "@/lib/server/http";
import { weightSetSchema } from "@/lib/score/weights";
import { previewResponseBody } from "@/lib/view/responses";

export const dynamic = "force-dynamic";

const previewBody = z.object({ weights: weightSetSchema }).strict();

export async function POST(request: NextRequest): Promise<Response> {
  return withErrors("POST /api/weights/preview", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const filters = parseFilters(request.nextUrl.searchParams, { strict: true });
    const { weights } = await readJson(request, previewBody);
    return Response.json(await previewResponseBody(getPrisma(), filters, weights), { headers: { "Cache-Control": "no-store" } });
  });
}
