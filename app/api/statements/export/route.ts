// GET /api/statements/export?<filters>&sort=&dir= — every filtered statement as CSV,
// streamed page by page so that memory stays flat however many rows match.
import type { NextRequest } from "next/server";
import { exportFilename, statementsCsvStream } from "@/lib/view/csv";
import { getPrisma } from "@/lib/store/client";
import { parseFilters, parseTableOptions } from "@/lib/read/filters";
import { attachment, withErrors } from "@/lib/server/http";
import { iterateStatements } from "@/lib/read/statement-export";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return withErrors("GET /api/statements/export", async () => {
    const params = request.nextUrl.searchParams;
    const filters = parseFilters(params, { strict: true, tableParams: true });
    const { sort, dir } = parseTableOptions(params);
    const db = getPrisma();
    const pages = iterateStatements(db, filters, { sort, dir });
    // Fail before the 200 goes out when the store cannot be read at all.
    const first = await pages.next();
    async function* all() {
      if (!first.done) yield first.value;
      yield* pages;
    }
    return new Response(statementsCsvStream(all()), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(exportFilename("statements", filters)),
        "Cache-Control": "no-store",
      },
    });
  });
}
