// GET /api/statements?<filters>&sort=&dir=&limit=&offset= — the filtered statements with
// their sources and score explanations, one page at a time.
import type { NextRequest } from "next/server";
import { getPrisma } from "@/lib/store/client";
import { parseFilters, parseTableOptions } from "@/lib/read/filters";
import { withErrors } from "@/lib/server/http";
import { queryStatements } from "@/lib/read/statements";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return withErrors("GET /api/statements", async () => {
    const params = request.nextUrl.searchParams;
    const filters = parseFilters(params, { strict: true, tableParams: true });
    const table = parseTableOptions(params);
    const { total, rows } = await queryStatements(getPrisma(), filters, table);
    return Response.json({ total, offset: table.offset, limit: table.limit, rows }, { headers: { "Cache-Control": "no-store" } });
  });
}
