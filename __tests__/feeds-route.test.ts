// /api/feeds: the admin lists, adds and removes the feeds the watcher polls; bodies are checked
// by the route's schema; without a session nothing is listed or changed.
import { DELETE, GET, POST } from "../app/api/feeds/route";
import { disconnect } from "../lib/store/client";
import { backends, type Backend } from "./helpers/backends";
import { adminSession, ORIGIN, request } from "./helpers/routes";

describe.each(backends)("/api/feeds on %s", (_name, open) => {
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

  const send = (method: string, body?: unknown, withSession = true) => {
    const handler = { GET, POST, DELETE }[method]!;
    return handler(request("/api/feeds", { method, body, cookie: withSession ? cookie : undefined, origin: method === "GET" ? undefined : ORIGIN }));
  };

  test("add, list and remove a feed", async () => {
    const added = await send("POST", { url: " https://news.example/feed.xml#latest " });
    expect(added.status).toBe(201);
    const { feed } = await added.json();
    expect(feed).toMatchObject({ url: "https://news.example/feed.xml", lastPollAt: null, itemsIngested: 0, lastError: null });

    const again = await send("POST", { url: "https://news.example/feed.xml" });
    expect(again.status).toBe(200);
    expect((await again.json()).created).toBe(false);

    const listed = await (await send("GET")).json();
    expect(listed.feeds.map((f: { url: string }) => f.url)).toEqual(["https://news.example/feed.xml"]);

    expect((await send("DELETE", { id: feed.id })).status).toBe(200);
    expect((await send("DELETE", { id: feed.id })).status).toBe(404);
    expect(await backend.prisma.feed.count()).toBe(0);
  });

  test("bad bodies are refused by field; no session, no list", async () => {
    const notHttp = await send("POST", { url: "ftp://news.example/feed.xml" });
    expect(notHttp.status).toBe(422);
    expect((await notHttp.json()).fields.url).toMatch(/http/);
    expect((await send("POST", { url: "x", extra: 1 })).status).toBe(422);
    expect((await send("DELETE", { id: "1" })).status).toBe(422);
    expect((await send("GET", undefined, false)).status).toBe(401);
    expect(await backend.prisma.feed.count()).toBe(0);
  });
});
