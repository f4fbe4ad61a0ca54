// scripts/serve.js as `npm start` runs it, on the build global-setup.ts made (no browser):
// it listens on 127.0.0.1 unless HOST says otherwise and prints the address it bound; the
// login rate limit counts the connecting address, whatever X-Forwarded-For or a forged
// copy of the server's own peer header say, or with TRUST_PROXY=1 the address its proxy
// appended, whatever the client wrote before it; and worker processes killed one after another,
// right after starting or all at once, are replaced while the server keeps serving.
// Other clients are other loopback addresses (127.0.0.2, …): all of 127/8 reaches this host.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createTempDb, type TempDb } from "../../lib/store/client";
import { DIST_DIR, freePort, killGroup, ROOT } from "./global-setup";
import { baseUrl } from "./harness";

const PASSWORD = "serve test password";

interface Server {
  child: ChildProcessWithoutNullStreams;
  url: string;
  port: number;
  output: () => string;
}

/** scripts/serve.js on a free port, resolved once it prints the address it serves on. */
async function startServer(db: TempDb, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.js"), "-p", String(port)], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: `file:${db.file}`, ADMIN_PASSWORD: PASSWORD, HOST: "", TRUST_PROXY: "", ...env },
  });
  let out = "";
  child.stdout.on("data", (chunk) => (out += chunk));
  child.stderr.on("data", (chunk) => (out += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.js printed no address within 60 s:\n${out}`)), 60_000);
    child.stdout.on("data", () => {
      const match = /serving on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`serve.js exited (${code}):\n${out}`)));
  });
  return { child, url, port, output: () => out };
}

/** One HTTP request from the given local address. */
function call(port: number, init: { path?: string; method?: string; from?: string; to?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: init.to ?? "127.0.0.1", port, path: init.path ?? "/", method: init.method ?? "GET", localAddress: init.from, headers: init.headers, agent: false },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.setTimeout(init.timeoutMs ?? 20_000, () => req.destroy(new Error("timed out")));
    req.end(init.body);
  });
}

function login(port: number, from: string, password: string, headers: Record<string, string> = {}): Promise<number> {
  const body = JSON.stringify({ password });
  return call(port, { path: "/api/login", method: "POST", from, body, headers: { "content-type": "application/json", ...headers } }).then((r) => r.status);
}

/** The server's worker processes: its children, from /proc. */
function workers(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
        const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  for (;;) {
    const value = await Promise.resolve(probe()).catch((e: Error) => void (last = e.message));
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}${last ? ` (last: ${last})` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * GET / answers 200. A connection the cluster's primary hands to a worker in the instant
 * it is killed is lost with it (node:cluster cannot take it back), so callers retry.
 */
async function serves(port: number): Promise<boolean> {
  const { status, body } = await call(port, { timeoutMs: 5000 });
  if (status !== 200) throw new Error(`GET / answered ${status}: ${body.slice(0, 200)}`);
  return true;
}

describe("scripts/serve.js", () => {
  let db: TempDb;
  let server: Server;

  beforeAll(async () => {
    baseUrl(); // throws global-setup's error when the build is missing
    db = createTempDb("tension-serve");
    server = await startServer(db, { WEB_CONCURRENCY: "2" });
    // Both processes render the page once, so that neither answers later tests cold.
    for (let i = 0; i < 4; i++) await call(server.port);
  });
  afterAll(async () => {
    if (server) await killGroup(server.child.pid!);
    await db?.cleanup();
  });

  test("listens on 127.0.0.1 by default and prints that address", async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.output()).toMatch(/with 2 processes; login attempts counted by the connecting address/);
    expect((await call(server.port)).status).toBe(200);
    // Another address of this host: refused, as any interface but loopback would be.
    await expect(call(server.port, { to: "127.0.0.2" })).rejects.toThrow(/ECONNREFUSED/);
  });

  test("HOST=0.0.0.0 listens on every interface and says so", async () => {
    const everywhere = await startServer(db, { WEB_CONCURRENCY: "1", HOST: "0.0.0.0" });
    try {
      expect(everywhere.url).toBe(`http://0.0.0.0:${everywhere.port}`);
      expect(everywhere.output()).toMatch(/\(every interface\) with 1 process;/);
      expect((await call(everywhere.port, { to: "127.0.0.2" })).status).toBe(200);
    } finally {
      await killGroup(everywhere.child.pid!);
    }
  });

  test("counts logins by the connecting address: forged headers neither add guesses nor lock anyone out", async () => {
    // The attacker names the admin's address in every header a server might believe.
    const framing = { "x-forwarded-for": "127.0.0.3", "x-real-ip": "127.0.0.3", "x-tension-peer": "127.0.0.3" };
    const framed = [];
    for (let i = 0; i < 6; i++) framed.push(await login(server.port, "127.0.0.2", `guess ${i}`, framing));
    expect(framed).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await login(server.port, "127.0.0.3", PASSWORD)).toBe(200);

    // A new address in every header on every guess.
    const fresh = [];
    for (let i = 0; i < 8; i++) {
      const spoofed = `192.0.2.${i}`;
      fresh.push(await login(server.port, "127.0.0.4", `guess ${i}`, { "x-forwarded-for": spoofed, "x-real-ip": spoofed, "x-tension-peer": spoofed }));
    }
    expect(fresh).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(await login(server.port, "127.0.0.4", PASSWORD)).toBe(429);
  });

  test("TRUST_PROXY=1 counts the hop the proxy appended: a client's own X-Forwarded-For entries neither add guesses nor lock anyone out", async () => {
    const proxied = await startServer(db, { WEB_CONCURRENCY: "1", TRUST_PROXY: "1" });
    try {
      expect(proxied.output()).toMatch(/login attempts counted by X-Forwarded-For, 1 proxy hop trusted/);
      // The proxy (127.0.0.5) appends the address it saw; whatever precedes it is the client's to write.
      const viaProxy = (client: string, written: string, password: string) => login(proxied.port, "127.0.0.5", password, { "x-forwarded-for": `${written}, ${client}` });
      const guesses = [];
      for (let i = 0; i < 7; i++) guesses.push(await viaProxy("203.0.113.50", `192.0.2.${i}, 198.51.100.7`, `guess ${i}`));
      expect(guesses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // The admin's address, named by the guesser on every try, is not locked; nor is the proxy.
      expect(await viaProxy("198.51.100.7", "192.0.2.200", PASSWORD)).toBe(200);
      expect(await viaProxy("203.0.113.51", "192.0.2.201", "another client's guess")).toBe(401);
    } finally {
      await killGroup(proxied.child.pid!);
    }
  });

  test("replaces killed worker processes, also right after they start, and keeps serving", async () => {
    const primary = server.child.pid!;
    const [first, second] = await until("two workers run", () => (workers(primary).length === 2 ? workers(primary) : null));

    process.kill(first, "SIGKILL");
    await until("the other worker serves", () => serves(server.port), 30_000);
    const replacement = await until("a replacement starts", () => workers(primary).find((pid) => pid !== first && pid !== second));
    // Dead within seconds of starting: the crash that used to stop the whole server.
    process.kill(replacement, "SIGKILL");
    await until("the server still serves", () => serves(server.port), 30_000);
    const again = await until("another replacement starts", () => workers(primary).find((pid) => ![first, second, replacement].includes(pid)));
    process.kill(again, "SIGKILL");
    process.kill(second, "SIGKILL");

    await until("two workers serve again", async () => workers(primary).length === 2 && (await serves(server.port)));
    expect(server.child.exitCode).toBeNull();
    expect(server.output().match(/was killed by SIGKILL (after [\d.]+ s|before listening); starting another in [\d.]+ s/g)).toHaveLength(4);
  });
});
