// GET /api/statements/export?<filters>&sort=&dir=[&per=source] — every filtered statement as CSV
// (per=source: a row per report of each, with its citation), streamed page by page so that memory
// stays flat however many rows match.
import type { NextRequest } from "next/server";
import { exportFilename, sourcesCsvStream, statementsCsvStream } from "@/lib/view/csv";
import { getPrisma } from "@/lib/store/client";
import { FilterError, parseFilters, parseTableOptions } from "@/lib/read/filters";
import { attachment, withErrors } from "@/lib/server/http";
import { iterateStatements, perSource } from "@/lib/read/statement-export";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return withErrors("GET /api/statements/export", async () => {
    // A copy: "per" is this route's own parameter, not a filter.
    const params = new URLSearchParams(request.nextUrl.searchParams);
    const per = params.get("per") ?? "statement";
    if (per !== "statement" && per !== "source") throw new FilterError("per", `per is "statement" or "source" (got ${JSON.stringify(per)})`);
    params.delete("per");
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
    const body = per === "source" ? sourcesCsvStream(perSource(all())) : statementsCsvStream(all());
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(exportFilename(per === "source" ? "sources" : "statements", filters)),
        "Cache-Control": "no-store",
      },
    });
  });
}
