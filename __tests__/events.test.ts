// Dated events: stored and removed through the store and the admin route, refused with a reason
// per field when the day, label or link is wrong (nothing stored then), read by day.
import { DELETE as eventsDelete, GET as eventsGet, POST as eventsPost } from "../app/api/events/route";
import { disconnect } from "../lib/store/client";
import { addEvent, InvalidEventError, removeEvent } from "../lib/store/events";
import { chartEvents, listEvents } from "../lib/read/events";
import { backends, type Backend } from "./helpers/backends";
import { adminSession, request } from "./helpers/routes";

describe.each(backends)("events on %s", (_name, open) => {
  let backend: Backend;
  let cookie: string;
  let restore: () => void;

  beforeAll(async () => {
    backend = await open();
    ({ cookie, restore } = await adminSession(backend.url));
  });
  afterAll(async () => {
    restore();
    await disconnect();
    await backend.cleanup();
  });
  beforeEach(async () => {
    await backend.prisma.event.deleteMany({});
  });

  it("stores events, reads them by day and within a range, removes one", async () => {
    const later = await addEvent(backend.prisma, { day: "2026-01-07", label: " Talks resume ", url: "https://example.org/talks" }, "admin");
    const earlier = await addEvent(backend.prisma, { day: "2026-01-04", label: "Border closed" }, "admin");
    expect(later).toMatchObject({ day: "2026-01-07", label: "Talks resume", url: "https://example.org/talks", createdBy: "admin" });
    expect((await listEvents(backend.prisma)).map((e) => e.label)).toEqual(["Border closed", "Talks resume"]);
    expect((await listEvents(backend.prisma, { from: "2026-01-05" })).map((e) => e.id)).toEqual([later.id]);
    expect((await listEvents(backend.prisma, { to: "2026-01-04" })).map((e) => e.id)).toEqual([earlier.id]);
    expect(chartEvents(await listEvents(backend.prisma))).toEqual([
      { day: "2026-01-04", label: "Border closed" },
      { day: "2026-01-07", label: "Talks resume", url: "https://example.org/talks" },
    ]);
    expect(await removeEvent(backend.prisma, earlier.id)).toMatchObject({ id: earlier.id, label: "Border closed" });
    expect(await removeEvent(backend.prisma, earlier.id)).toBeNull();
    expect((await listEvents(backend.prisma)).map((e) => e.id)).toEqual([later.id]);
  });

  it.each([
    [{ day: "2026-02-30", label: "x" }, /calendar day/],
    [{ day: "2026-01-04", label: "   " }, /label is empty/],
    [{ day: "2026-01-04", label: "x", url: "javascript:alert(1)" }, /http or https/],
  ])("the store refuses %p and writes nothing", async (event, message) => {
    await expect(addEvent(backend.prisma, event, "admin")).rejects.toThrow(InvalidEventError);
    await expect(addEvent(backend.prisma, event, "admin")).rejects.toThrow(message);
    expect(await backend.prisma.event.count()).toBe(0);
  });

  it("GET /api/events is public; POST and DELETE need a session and refuse cross-site requests", async () => {
    const stored = await addEvent(backend.prisma, { day: "2026-01-04", label: "Border closed" }, "admin");
    const body = { day: "5 Jan 2026", label: "Envoy recalled" };
    expect((await eventsPost(request("/api/events", { method: "POST", body }))).status).toBe(401);
    expect((await eventsPost(request("/api/events", { method: "POST", body, cookie: "tension_session=forged" }))).status).toBe(401);
    expect((await eventsPost(request("/api/events", { method: "POST", body, cookie, origin: "https://evil.example" }))).status).toBe(403);
    expect((await eventsDelete(request("/api/events", { method: "DELETE", body: { id: stored.id } }))).status).toBe(401);
    expect((await eventsDelete(request("/api/events", { method: "DELETE", body: { id: stored.id }, cookie, origin: "https://evil.example" }))).status).toBe(403);
    const listed = await (await eventsGet()).json();
    expect(listed).toEqual({ events: [{ id: stored.id, day: "2026-01-04", label: "Border closed", url: null }] });
  });

  it("POST /api/events adds an event typed as the page writes days, DELETE removes it", async () => {
    const added = await eventsPost(request("/api/events", { method: "POST", cookie, body: { day: "5 Jan 2026", label: "Envoy recalled", url: "http://example.org/envoy" } }));
    expect(added.status).toBe(201);
    const { event } = await added.json();
    expect(event).toMatchObject({ day: "2026-01-05", label: "Envoy recalled", url: "http://example.org/envoy" });
    const blankLink = await eventsPost(request("/api/events", { method: "POST", cookie, body: { day: "2026-01-06", label: "Summit", url: "" } }));
    expect((await blankLink.json()).event.url).toBeNull();

    expect((await eventsDelete(request("/api/events", { method: "DELETE", cookie, body: { id: event.id } }))).status).toBe(200);
    const missing = await eventsDelete(request("/api/events", { method: "DELETE", cookie, body: { id: event.id } }));
    expect(missing.status).toBe(404);
    expect((await listEvents(backend.prisma)).map((e) => e.label)).toEqual(["Summit"]);
  });

  it.each([
    [{ day: "31 Feb 2026", label: "Summit" }, "day"],
    [{ day: "next week", label: "Summit" }, "day"],
    [{ day: "2026-01-04", label: "  " }, "label"],
    [{ day: "2026-01-04", label: "Summit", url: "ftp://example.org/file" }, "url"],
    [{ day: "2026-01-04", label: "Summit", url: "javascript:alert(1)" }, "url"],
    [{ day: "2026-01-04", label: "Summit", url: "example.org" }, "url"],
  ])("POST /api/events refuses %p naming the field %s, and keeps what was stored", async (body, field) => {
    const kept = await addEvent(backend.prisma, { day: "2026-01-04", label: "Border closed" }, "admin");
    const response = await eventsPost(request("/api/events", { method: "POST", cookie, body }));
    expect(response.status).toBe(422);
    const refused = await response.json();
    expect(Object.keys(refused.fields)).toEqual([field]);
    expect(await listEvents(backend.prisma)).toEqual([{ id: kept.id, day: "2026-01-04", label: "Border closed", url: null }]);
  });
});
