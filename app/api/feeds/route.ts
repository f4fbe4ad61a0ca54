// GET /api/feeds — the feeds `npm run watch` polls, with their last poll, items ingested and
// last error (session required).
// POST /api/feeds {"url"} — adds a feed (session required); 200 with the existing one when the
// URL is stored already, 201 when new.
// DELETE /api/feeds {"id"} — removes a feed (session required); the items it led to stay
// stored and are not fetched again. 404 when there is no such feed.
import { z } from "zod";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { BodyError, jsonError, readJson, withErrors } from "@/lib/server/http";
import { addFeed, FeedUrlError, listFeeds, removeFeed, type FeedRow } from "@/lib/store/feeds";

export const dynamic = "force-dynamic";

const addBody = z.object({ url: z.string().trim().min(1, "give the feed's address").max(2000) }).strict();
const removeBody = z.object({ id: z.number().int().positive() }).strict();

function feedJson(feed: FeedRow) {
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    addedAt: feed.addedAt.toISOString(),
    lastPollAt: feed.lastPollAt?.toISOString() ?? null,
    itemsIngested: feed.itemsIngested,
    lastError: feed.lastError,
    failures: feed.failures,
  };
}

export async function GET(request: Request): Promise<Response> {
  return withErrors("GET /api/feeds", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    return Response.json({ feeds: (await listFeeds(getPrisma())).map(feedJson) }, { headers: { "Cache-Control": "no-store" } });
  });
}

export async function POST(request: Request): Promise<Response> {
  return withErrors("POST /api/feeds", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const body = await readJson(request, addBody);
    try {
      const { feed, created } = await addFeed(getPrisma(), body.url);
      return Response.json({ feed: feedJson(feed), created }, { status: created ? 201 : 200 });
    } catch (e) {
      if (e instanceof FeedUrlError) throw new BodyError("invalid request body", { url: e.message });
      throw e;
    }
  });
}

export async function DELETE(request: Request): Promise<Response> {
  return withErrors("DELETE /api/feeds", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const body = await readJson(request, removeBody);
    if (!(await removeFeed(getPrisma(), body.id))) return jsonError(404, `no feed ${body.id}`, { fields: { id: "no such feed" } });
    return Response.json({ removed: body.id });
  });
}
