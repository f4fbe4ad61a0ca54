// Uploads run off the request path: POST /api/articles analyzes in a worker thread within a time
// and a memory limit; hitting either, or the client going away, stops the analysis at once and
// stores nothing, and the answer says why. A store that sees its client abort rolls back.
import { POST as ingestPost } from "../app/api/articles/route";
import { analyzeBatch } from "../lib/ingest/batch";
import { disconnect } from "../lib/store/client";
import { ingestBatch } from "../lib/store/ingest";
import { storeCounts } from "../lib/store/statements";
import { readDir, seedProse } from "./helpers/analysis";
import { hostileInput } from "../scripts/bench/hostile-inputs";
import { backends, type Backend } from "./helpers/backends";
import { adminSession, request } from "./helpers/routes";

const ARTICLE = [
  "---",
  "title: Ministers trade barbs",
  "date: 2026-03-02",
  "---",
  "Ministers trade barbs",
  "",
  "OSLO — Norway's foreign minister Kari Lunde said on Monday that Sweden's new border rules were \"a hostile and reckless act\".",
].join("\n");

/** CPU seconds this process (its worker threads included) spends over the next `ms`. */
async function cpuSecondsOver(ms: number): Promise<number> {
  const start = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

describe.each(backends)("uploads on %s", (_name, open) => {
  let backend: Backend;
  let cookie: string;
  let restore: () => void;
  const limits = { time: process.env.UPLOAD_TIME_LIMIT_MS, heap: process.env.UPLOAD_HEAP_MB };

  beforeAll(async () => {
    backend = await open();
    await ingestBatch(backend.prisma, analyzeBatch(readDir("seeds")));
    ({ cookie, restore } = await adminSession(backend.url));
  });
  afterEach(() => {
    for (const [name, value] of [["UPLOAD_TIME_LIMIT_MS", limits.time], ["UPLOAD_HEAP_MB", limits.heap]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  afterAll(async () => {
    restore();
    await disconnect();
    await backend.cleanup();
  });

  const post = (text: string, signal?: AbortSignal) => ingestPost(request("/api/articles", { method: "POST", cookie, body: { text, name: "upload.md" }, signal }));

  it("an upload within the limits is analyzed in the worker and stored", async () => {
    process.env.UPLOAD_TIME_LIMIT_MS = "60000";
    const before = await storeCounts(backend.prisma);
    const response = await post(ARTICLE);
    expect(response.status).toBe(200);
    expect((await response.json()).articles.new).toBe(1);
    expect((await storeCounts(backend.prisma)).articles).toBe(before.articles + 1);
  });

  it("analysis past the time limit is stopped: 422 naming the limit, nothing stored, the CPU free at once", async () => {
    process.env.UPLOAD_TIME_LIMIT_MS = "50";
    const before = await storeCounts(backend.prisma);
    const response = await post(seedProse(1_000_000));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body).toEqual({
      error: "analysis took longer than its 0.05 s limit and was stopped; nothing was stored (split the text, or raise UPLOAD_TIME_LIMIT_MS)",
      stopped: "time",
    });
    expect(await storeCounts(backend.prisma)).toEqual(before);
    // The worker is gone, not analyzing on: a second of this process's CPU time is nearly idle.
    expect(await cpuSecondsOver(1000)).toBeLessThan(0.5);
  });

  it("analysis past the memory limit is stopped: 422 naming the limit, nothing stored", async () => {
    process.env.UPLOAD_HEAP_MB = "64";
    const before = await storeCounts(backend.prisma);
    // New prose all through (the seeds repeated are captions after the first time, and cost little since the analysis reads a file in parts).
    const response = await post(hostileInput("one line", 4_000_000).toString("utf8"));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.stopped).toBe("memory");
    expect(body.error).toBe("analysis needed more than its 64 MB memory limit and was stopped; nothing was stored (split the text, or raise UPLOAD_HEAP_MB)");
    expect(await storeCounts(backend.prisma)).toEqual(before);
  });

  it("a client that aborts stops the analysis: nothing stored, the CPU free at once", async () => {
    const before = await storeCounts(backend.prisma);
    const client = new AbortController();
    const started = performance.now();
    // Long enough to be analyzing still when the client goes, after the worker's start (1–3 s).
    setTimeout(() => client.abort(), 3000);
    const response = await post(seedProse(3_000_000), client.signal);
    expect(response.status).toBe(499);
    expect((await response.json()).error).toBe("the client cancelled the upload; nothing was stored");
    expect(performance.now() - started).toBeLessThan(4500);
    expect(await storeCounts(backend.prisma)).toEqual(before);
    expect(await cpuSecondsOver(1000)).toBeLessThan(0.5);
  });

  it("a store whose client aborted by the end of its transaction rolls it back", async () => {
    const result = analyzeBatch([{ path: "late.md", bytes: Buffer.from(ARTICLE.replaceAll("border rules", "fishing quotas")) }]);
    expect(result.statements.length).toBeGreaterThan(0);
    const before = await storeCounts(backend.prisma);
    await expect(ingestBatch(backend.prisma, result, { signal: AbortSignal.abort() })).rejects.toThrow(/aborted/);
    expect(await storeCounts(backend.prisma)).toEqual(before);
    // The same batch without the abort is stored: what rolled back was the abort's doing.
    expect((await ingestBatch(backend.prisma, result)).articles.new).toBe(1);
  });
});
