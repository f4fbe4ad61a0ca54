// GET /api/events — the stored events by day (public, read-only).
// POST /api/events {"day","label","url"?} — adds one (session required); the day as the page
// writes it ("4 Jan 2026") or YYYY-MM-DD; 422 with `fields` naming what is wrong, nothing stored.
// DELETE /api/events {"id"} — removes one (session required); 404 when there is none.
import { z } from "zod";
import { isHttpUrl, MAX_EVENT_LABEL, MAX_EVENT_URL } from "@/lib/core/events";
import { parseDayText } from "@/lib/core/days";
import { authorize } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { jsonError, readJson, withErrors } from "@/lib/server/http";
import { listEvents } from "@/lib/read/events";
import { addEvent, InvalidEventError, removeEvent } from "@/lib/store/events";

export const dynamic = "force-dynamic";

const addBody = z
  .object({
    day: z.string().transform((text, ctx) => {
      const day = parseDayText(text);
      if (day === null) ctx.addIssue({ code: "custom", message: "not a calendar day: write it as 4 Jan 2026 or YYYY-MM-DD" });
      return day ?? "";
    }),
    label: z.string().trim().min(1, "give the event a label").max(MAX_EVENT_LABEL, `at most ${MAX_EVENT_LABEL} characters`),
    url: z
      .string()
      .trim()
      .max(MAX_EVENT_URL, `at most ${MAX_EVENT_URL} characters`)
      .refine((url) => url === "" || isHttpUrl(url), "the link must be an address starting with http:// or https://")
      .optional()
      .transform((url) => (url ? url : undefined)),
  })
  .strict();

const removeBody = z.object({ id: z.number().int().positive() }).strict();

function eventBody(e: { id: number; day: string; label: string; url: string | null }) {
  return { id: e.id, day: e.day, label: e.label, url: e.url };
}

export async function GET(): Promise<Response> {
  return withErrors("GET /api/events", async () => {
    const events = await listEvents(getPrisma());
    return Response.json({ events: events.map(eventBody) }, { headers: { "Cache-Control": "no-store" } });
  });
}

export async function POST(request: Request): Promise<Response> {
  return withErrors("POST /api/events", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const body = await readJson(request, addBody);
    try {
      const event = await addEvent(getPrisma(), body, auth.user);
      return Response.json({ event: eventBody(event) }, { status: 201 });
    } catch (e) {
      if (e instanceof InvalidEventError) return jsonError(422, e.message);
      throw e;
    }
  });
}

export async function DELETE(request: Request): Promise<Response> {
  return withErrors("DELETE /api/events", async () => {
    const auth = await authorize(request);
    if (!auth.ok) return auth.response;
    const { id } = await readJson(request, removeBody);
    const removed = await removeEvent(getPrisma(), id);
    return removed ? Response.json({ removed: eventBody(removed) }) : jsonError(404, `there is no event ${id}`, { fields: { id: `there is no event ${id}` } });
  });
}
