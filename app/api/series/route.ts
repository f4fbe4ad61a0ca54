// GET /api/series?from=&to=&speaker=&dyad=&label=&q=&by=&top= — the chart's data as JSON.
import type { NextRequest } from "next/server";
import { getPrisma } from "@/lib/db";
import { parseFilters } from "@/lib/filters";
import { withErrors } from "@/lib/http";
import { seriesResponseBody } from "@/lib/views";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return withErrors("GET /api/series", async () => {
    const filters = parseFilters(request.nextUrl.searchParams, { strict: true });
    return Response.json(await seriesResponseBody(getPrisma(), filters), { headers: { "Cache-Control": "no-store" } });
  });
}
