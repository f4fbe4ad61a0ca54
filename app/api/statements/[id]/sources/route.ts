// GET /api/statements/<id>/sources — what a dashboard table row loads when it opens: the
// statement's whole text, its context and every source with its article. The page sends only
// what the rows show, so that its size does not grow with the sources a statement gathers.
import { z } from "zod";
import { getPrisma } from "@/lib/store/client";
import { FilterError } from "@/lib/read/filters";
import { statementDetails } from "@/lib/read/statements";
import { jsonError, withErrors } from "@/lib/server/http";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, "a statement id is 16 hexadecimal digits") });

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return withErrors("GET /api/statements/[id]/sources", async () => {
    const parsed = params.safeParse(await context.params);
    if (!parsed.success) throw new FilterError("id", parsed.error.issues[0].message);
    const details = await statementDetails(getPrisma(), parsed.data.id);
    if (!details) return jsonError(404, `no statement has the id ${parsed.data.id}`);
    return Response.json(details, { headers: { "Cache-Control": "no-store" } });
  });
}
