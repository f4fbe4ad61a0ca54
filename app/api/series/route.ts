// GET /api/series?from=&to=&speaker=&dyad=&label=&q=&by=&top= — the chart's data as JSON.
import type { NextRequest } from "next/server";
import { getPrisma } from "@/lib/store/client";
import { parseFilters } from "@/lib/read/filters";
import { withErrors } from "@/lib/server/http";
import { seriesResponseBody } from "@/lib/view/responses";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return withErrors("GET /api/series", async () => {
    const filters = parseFilters(request.nextUrl.searchParams, { strict: true });
    return Response.json(await seriesResponseBody(getPrisma(), filters), { headers: { "Cache-Control": "no-store" } });
  });
}
