// Fault injection: the processes that write the store are killed with SIGKILL (their whole process
// group, as `kill -9` of a shell job would) at random points, then the user's recovery runs (the
// same command again, the server restarted and the upload sent again, the weights saved again),
// and after each kill and each recovery the store must hold every invariant (lib/store/check.ts),
// keep whatever it held, and end as an uninterrupted run leaves it. Kinds of work killed:
//   - `npm run ingest` of a corpus (the seeds and the fixtures' articles) in one transaction,
//   - the same with --batch 2: a transaction per batch, the chart's days queued between rebuilds,
//   - a re-score: a weight set saved as /admin saves it (new version + every pair re-scored),
//   - the server mid-upload: the app's upload route (POST /api/articles) served by
//     helpers/route-server.ts, killed while it analyzes or stores the fixtures' articles.
// Each run is killed either at a random time within an uninterrupted run's length, or at the
// first moment after such a time that a write transaction is open. The random points come from
// a seed printed with the results: FAULT_SEED=<seed> repeats them.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { analyzeBatch } from "../lib/ingest/batch";
import { checkStore } from "../lib/store/check";
import type { Db } from "../lib/store/client";
import { ingestBatch } from "../lib/store/ingest";
import { ROOT, readDir } from "./helpers/analysis";
import { backends, copyOf, migratedStore, type Backend } from "./helpers/backends";

const SEED = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
/** Killed runs of each kind: fewer on PostgreSQL, whose runs cost more. */
const RUNS: Record<string, number> = { sqlite: 5, postgresql: 2 };
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const PASSWORD = "fault injection password";

jest.setTimeout(600_000);

/** Uniform in [0, 1), from a 32-bit seed (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const FIXTURE_DIRS = fs.readdirSync(path.join(ROOT, "__tests__", "fixtures")).filter((d) => fs.statSync(path.join(ROOT, "__tests__", "fixtures", d)).isDirectory());
/** The fixtures' articles, named apart (several fixtures have a reuters.txt). */
const FIXTURES = FIXTURE_DIRS.flatMap((dir) => readDir(`__tests__/fixtures/${dir}`).map((input) => ({ name: `${dir}-${path.basename(input.path)}`, bytes: input.bytes })));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  pid: number;
  exited: Promise<Exit>;
  output(): string;
}

/** A TypeScript script under tsx in a process group of its own (tsx runs it in a child process). */
function start(script: string, args: string[], url: string, env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [TSX, script, ...args], { cwd: ROOT, detached: true, env: { ...process.env, DATABASE_URL: url, ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { pid: child.pid!, exited, output: () => stdout + stderr };
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Whether another connection holds the store's write transaction open right now. */
interface WriteProbe {
  writing(): Promise<boolean>;
  close(): Promise<void>;
}

function writeProbe(url: string): WriteProbe {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { timeout: 0 });
    return {
      async writing() {
        try {
          db.exec("BEGIN IMMEDIATE");
          db.exec("ROLLBACK");
          return false;
        } catch (error) {
          if ((error as { code?: string }).code === "SQLITE_BUSY") return true;
          throw error;
        }
      },
      async close() {
        db.close();
      },
    };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg") as typeof import("pg");
  const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
  const connected = client.connect();
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  return {
    async writing() {
      await connected;
      // A backend has a transaction id once its transaction has written.
      const { rowCount } = await client.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND backend_xid IS NOT NULL`, [name]);
      return (rowCount ?? 0) > 0;
    },
    async close() {
      await connected;
      await client.end();
    },
  };
}

/** When to kill: a time from the start of the work, or a time into the nth write transaction seen open. */
type KillPlan = { afterMs: number } | { nthWrite: number; intoMs: number };

interface Watched {
  /** Killed this long after the work started; null when the work finished first. */
  killedAtMs: number | null;
  /** A write transaction was open just before the kill. */
  midWrite: boolean;
  /** Write transactions seen open (polling every millisecond or so: the shortest may slip by), and for how long in all. */
  writes: number;
  writingMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Watches the store's writes until `work` ends, killing `running` as `plan` says (no plan: never). */
async function watch(running: Running, work: Promise<unknown>, probe: WriteProbe, startedAt: number, plan?: KillPlan): Promise<Watched> {
  let finished = false;
  void work.then(
    () => (finished = true),
    () => (finished = true),
  );
  let writes = 0;
  let writingMs = 0;
  let openedAt: number | null = null;
  let previous = 0;
  for (const deadline = startedAt + 120_000; !finished && Date.now() < deadline; await sleep(1)) {
    const now = Date.now() - startedAt;
    const writing = await probe.writing();
    if (writing && openedAt === null) {
      writes++;
      openedAt = now;
    } else if (writing) writingMs += now - previous;
    else openedAt = null;
    previous = now;
    const due = plan && ("afterMs" in plan ? now >= plan.afterMs : writes >= plan.nthWrite && (writes > plan.nthWrite || openedAt === null || now - openedAt >= plan.intoMs));
    if (due) {
      killGroup(running.pid);
      await running.exited;
      return { killedAtMs: now, midWrite: writing, writes, writingMs };
    }
  }
  await work.catch(() => undefined);
  return { killedAtMs: null, midWrite: false, writes, writingMs };
}

/** The store's contents, everything a run could leave different, without row ids and timestamps. */
async function contents(db: Db) {
  const rows = (query: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(query);
  const json = (value: unknown) => JSON.stringify(typeof value === "string" ? JSON.parse(value) : value);
  const lines = (list: Record<string, unknown>[]) => list.map((r) => Object.values(r).map((v) => (typeof v === "bigint" ? Number(v) : v)).join("|")).sort();
  return {
    articles: lines(await rows(`SELECT "contentHash", "path", "title", "source", "url", "published", "publishedFrom" FROM "Article"`)),
    statements: (
      await rows(
        `SELECT st."id", "speaker", "speakerKey", "speakerCountry", "target", "date", "dateFrom", "dateTo", "rangeFromPublication", "sortDay", "text", "context", "features", "score", "label", "cameo", "weightVersion"
         FROM "Statement" st JOIN "Scoring" p ON p."scoringId" = st."scoringId" ORDER BY st."id"`,
      )
    ).map((r) => ({ ...r, rangeFromPublication: Boolean(r.rangeFromPublication), features: json(r.features) })),
    sources: lines(await rows(`SELECT s."statementId", a."contentHash", s."quote", s."context", s."dateFrom", s."dateTo", s."direct" FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId"`)),
    // Pairs in use only: a statement that a later transaction merges moves to its new pair and leaves
    // the old one unused, and which transaction stores which batches depends on timing.
    scoringPairs: lines(await rows(`SELECT "lexicon", "ruleValues", "score", "label", "weightVersion" FROM "Scoring" p WHERE EXISTS (SELECT 1 FROM "Statement" st WHERE st."scoringId" = p."scoringId")`)),
    days: lines(await rows(`SELECT "speakerKey", "speaker", "speakerCountry", "target", "date", "statements", ROUND(CAST("scoreSum" AS NUMERIC), 6), "scoreMin", "scoreMax" FROM "SeriesDay"`)),
    periods: lines(
      await rows(
        `SELECT "mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", ROUND(CAST("scoreSum" AS NUMERIC), 6), "scoreMin", "scoreMax" FROM "SeriesBucket"`,
      ),
    ),
    weightSets: (await db.weightSet.findMany({ orderBy: { version: "asc" } })).map((w) => ({ version: w.version, active: w.active, weights: json(w.weights) })),
  };
}

/** What a store holds that nothing may take away: its articles, statements and reports. */
async function held(db: Db): Promise<string[]> {
  const c = await contents(db);
  return [...c.articles.map((a) => `article ${a.split("|")[0]}`), ...c.statements.map((s) => `statement ${(s as { id?: unknown }).id}`), ...c.sources.map((s) => `report ${s}`)];
}

/** One kind of work to kill: how to start it on a store, and how a user recovers. */
interface Kind {
  name: string;
  /** The store it starts from. */
  base: () => Backend;
  /** Starts the work: the process to kill, the work's end (rejects when killed), its start. */
  begin(store: Backend): Promise<{ running: Running; work: Promise<unknown>; startedAt: number }>;
  /** What the user does once the process is gone. */
  recover(store: Backend): Promise<void>;
}

async function succeeded(running: Running): Promise<Exit> {
  const exit = await running.exited;
  if (exit.code !== 0) throw new Error(`exited with ${exit.code ?? exit.signal}:\n${exit.stdout}${exit.stderr}`);
  return exit;
}

/** A command-line run: the work is the process, recovery runs it again. */
function commandKind(name: string, base: () => Backend, script: string, args: (store: Backend) => string[], recoverWhen: (store: Backend) => Promise<boolean> = async () => true): Kind {
  return {
    name,
    base,
    async begin(store) {
      const startedAt = Date.now();
      const running = start(script, args(store), store.url);
      return { running, work: succeeded(running), startedAt };
    },
    async recover(store) {
      if (await recoverWhen(store)) await succeeded(start(script, args(store), store.url));
    },
  };
}

/** The upload route's server (helpers/route-server.ts), once it listens. */
async function startServer(store: Backend): Promise<{ running: Running; port: number }> {
  const running = start("__tests__/helpers/route-server.ts", [], store.url, { ADMIN_PASSWORD: PASSWORD, NODE_ENV: "production" });
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(20)) {
    const port = /listening on (\d+)/.exec(running.output())?.[1];
    if (port) return { running, port: Number(port) };
    if (await Promise.race([running.exited.then(() => true), sleep(0).then(() => false)])) break;
  }
  killGroup(running.pid);
  throw new Error(`the route server did not start:\n${running.output()}`);
}

async function loggedIn(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0];
}

/** POST /api/articles with the fixtures' articles as files; resolves with the answer's body when it is 200. */
async function uploadFixtures(port: number, cookie: string): Promise<unknown> {
  const form = new FormData();
  for (const file of FIXTURES) form.append("files", new Blob([new Uint8Array(file.bytes)]), file.name);
  const response = await fetch(`http://127.0.0.1:${port}/api/articles`, { method: "POST", headers: { cookie }, body: form });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`upload answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

const uploadKind = (base: () => Backend): Kind => ({
  name: "the server mid-upload",
  base,
  async begin(store) {
    const { running, port } = await startServer(store);
    const cookie = await loggedIn(port);
    const startedAt = Date.now();
    const work = uploadFixtures(port, cookie).finally(() => killGroup(running.pid));
    return { running, work, startedAt };
  },
  async recover(store) {
    const { running, port } = await startServer(store);
    try {
      await uploadFixtures(port, await loggedIn(port));
    } finally {
      killGroup(running.pid);
      await running.exited;
    }
  },
});

describe.each(backends)("processes killed with SIGKILL on %s", (backendName, open) => {
  let corpus: string;
  let seeded: Backend;
  let ingested: Backend;
  const report: string[] = [];

  beforeAll(async () => {
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), "tension-faults-"));
    for (const input of readDir("seeds")) fs.copyFileSync(path.join(ROOT, input.path), path.join(corpus, path.basename(input.path)));
    for (const file of FIXTURES) fs.writeFileSync(path.join(corpus, file.name), file.bytes);
    // Every run starts from a store that holds something already: the seeds, or the whole corpus.
    seeded = await migratedStore(open);
    await ingestBatch(seeded.prisma, analyzeBatch(readDir("seeds")));
    ingested = await copyOf(seeded);
    await ingestBatch(ingested.prisma, analyzeBatch(FIXTURES.map((f) => ({ path: `fixtures/${f.name}`, bytes: f.bytes }))));
  });
  afterAll(async () => {
    console.log(`fault injection on ${backendName}, seed ${SEED} (FAULT_SEED=${SEED} repeats it):\n${report.join("\n")}`);
    await seeded?.cleanup();
    await ingested?.cleanup();
    if (corpus) fs.rmSync(corpus, { recursive: true, force: true });
  });

  const activeVersion = async (store: Backend) => (await store.prisma.weightSet.findFirstOrThrow({ where: { active: true } })).version;
  const kinds: Kind[] = [
    commandKind("npm run ingest", () => seeded, "scripts/ingest.ts", () => [corpus, "--json"]),
    commandKind("npm run ingest -- --batch 2", () => seeded, "scripts/ingest.ts", () => [corpus, "--batch", "2", "--workers", "1", "--json"]),
    // The admin saves again unless the save went through before the kill.
    commandKind("a re-score (weights saved)", () => ingested, "__tests__/helpers/rescore-process.ts", () => ["1"], async (store) => (await activeVersion(store)) === 1),
    uploadKind(() => seeded),
  ];

  test.each(kinds.map((kind, i) => [kind.name, i] as const))("%s: the store holds, loses nothing and ends as an uninterrupted run leaves it", async (_name, index) => {
    const kind = kinds[index];
    const next = random(SEED + index * 7919 + (backendName === "sqlite" ? 0 : 104729));

    const reference = await copyOf(kind.base());
    const referenceProbe = writeProbe(reference.url);
    let expected: Awaited<ReturnType<typeof contents>>;
    let length: number;
    let seen: Watched;
    try {
      const { running, work, startedAt } = await kind.begin(reference);
      const watched = await watch(running, work, referenceProbe, startedAt);
      await work;
      length = Date.now() - startedAt;
      expect(watched.writes).toBeGreaterThan(0);
      seen = watched;
      expect((await checkStore(reference.prisma)).violations).toEqual([]);
      expected = await contents(reference.prisma);
    } finally {
      await referenceProbe.close();
      await reference.cleanup();
    }
    const before = await held(kind.base().prisma);
    const lines: string[] = [];
    for (let run = 1; run <= RUNS[backendName]; run++) {
      // Half at any time of the run, half into one of the write transactions an uninterrupted run opens.
      const plan: KillPlan =
        next() < 0.5 ? { afterMs: Math.round(next() * length) } : { nthWrite: 1 + Math.floor(next() * seen.writes), intoMs: Math.round((next() * seen.writingMs) / seen.writes) };
      const store = await copyOf(kind.base());
      const probe = writeProbe(store.url);
      try {
        const { running, work, startedAt } = await kind.begin(store);
        const kill = await watch(running, work, probe, startedAt, plan);
        await work.catch(() => undefined);
        const what = `run ${run}: ${"afterMs" in plan ? `at ${plan.afterMs} ms` : `${plan.intoMs} ms into write transaction ${plan.nthWrite}`}`;
        const afterKill = await checkStore(store.prisma);
        expect({ what, violations: afterKill.violations }).toEqual({ what, violations: [] });
        const kept = await held(store.prisma);
        expect(before.filter((item) => !kept.includes(item))).toEqual([]);

        if (kill.killedAtMs !== null) await kind.recover(store);
        const recovered = await checkStore(store.prisma);
        expect({ what, violations: recovered.violations, queuedDays: recovered.queuedDays }).toEqual({ what, violations: [], queuedDays: 0 });
        const final = await held(store.prisma);
        expect(kept.filter((item) => !final.includes(item))).toEqual([]);
        expect(await contents(store.prisma)).toEqual(expected);
        lines.push(
          `  ${what}: ${kill.killedAtMs === null ? "finished first" : `killed at ${kill.killedAtMs} ms${kill.midWrite ? " mid-transaction" : ""}`}, ` +
            `${afterKill.counts.articles} articles, ${afterKill.counts.statements} statements and ${afterKill.counts.weightSets} weight sets stored at the kill, ${afterKill.queuedDays} chart days queued`,
        );
      } finally {
        await probe.close();
        await store.cleanup();
      }
    }
    report.push(`${kind.name}: uninterrupted ${length} ms, ${seen.writes} write transactions seen open for ${seen.writingMs} ms in all`, ...lines);
  });
});
