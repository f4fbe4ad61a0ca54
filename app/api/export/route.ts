// GET /api/export?<same filters as /api/series> — exactly the chart's rows as CSV.
import type { NextRequest } from "next/server";
import { exportFilename, seriesCsv } from "@/lib/view/csv";
import { getPrisma } from "@/lib/store/client";
import { parseFilters } from "@/lib/read/filters";
import { attachment, withErrors } from "@/lib/server/http";
import { querySeries } from "@/lib/read/series-query";
import { seriesRows } from "@/lib/view/series-rows";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return withErrors("GET /api/export", async () => {
    const filters = parseFilters(request.nextUrl.searchParams, { strict: true });
    const { points, series, resolution } = await querySeries(getPrisma(), filters);
    return new Response(seriesCsv(seriesRows(points, series), resolution), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(exportFilename("series", filters)),
        "Cache-Control": "no-store",
      },
    });
  });
}
