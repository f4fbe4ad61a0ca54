// POST /api/articles/remove {"article": id | "path"} — removes a stored article like
// `npm run remove` (session required): its reports, the statements only it reported, and its
// reports of shared statements, which are re-dated and re-scored by their other reports, in one
// transaction. 404 when no stored article matches, 409 when several have the path; nothing is
// changed then.
import { z } from "zod";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { jsonError, readJson, withErrors } from "@/lib/server/http";
import { ArticleNotFoundError, parseArticleReference, removeArticle } from "@/lib/store/remove";

export const dynamic = "force-dynamic";

const removeBody = z
  .object({
    /** The article's id, or the path it was ingested under (a string of digits is an id). */
    article: z.union([z.number().int().positive(), z.string().trim().min(1, "name an article by its id or path").max(1000)]),
  })
  .strict();

export async function POST(request: Request): Promise<Response> {
  return withErrors("POST /api/articles/remove", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const body = await readJson(request, removeBody);
    const reference = typeof body.article === "number" ? { id: body.article } : parseArticleReference(body.article);
    try {
      return Response.json(await removeArticle(getPrisma(), reference));
    } catch (e) {
      if (e instanceof ArticleNotFoundError) return jsonError(e.matches > 1 ? 409 : 404, e.message, { fields: { article: e.message } });
      throw e;
    }
  });
}
