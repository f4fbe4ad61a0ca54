// node scripts/serve.js [-p PORT] [-H HOST]
//
// The production server: the built Next.js app in one process per core. One Node process
// runs JavaScript on one core at a time, so a single `next start` serves concurrent chart
// requests one after another while the other core idles. The web tier keeps no state of its
// own (sessions are sealed cookies, weights and data come from the store), so the processes
// need not agree on anything; node:cluster shares the listening socket between them.
//
// HOST (or -H) is the address to listen on: 127.0.0.1 unless set, so that a fresh install
// is not reachable from the network by accident; HOST=0.0.0.0 (or ::) listens on every
// interface. The address printed is the one actually bound. TRUST_PROXY (default 0) is
// the number of reverse proxies in front whose X-Forwarded-For entries the login rate
// limit believes (lib/server/auth.ts clientKey).
// WEB_CONCURRENCY sets the number of processes (default: the cores this process may use);
// SERVER_HEAP_MB each one's V8 heap limit (default 1024). V8 lets garbage pile up in
// proportion to the limit, which by default is a quarter of the machine's memory: a capped
// heap keeps a streaming export's memory near what it holds at once, and a request that
// needed more than the cap fails alone instead of starving the machine.
//
// A process that dies is replaced, after a delay that doubles while replacements keep
// dying young, so that a crash on every request or a broken build does not spin the CPU;
// the others serve meanwhile. The server gives up only when processes can never start:
// MAX_START_FAILURES in a row died before listening and none is serving.
// Plain JavaScript, so that serving needs no TypeScript loader in every process.
const cluster = require("node:cluster");
const http = require("node:http");
const os = require("node:os");

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option("-p", process.env.PORT || "3000"));
const host = option("-H", process.env.HOST || "127.0.0.1");
const processes = Math.max(1, Number(process.env.WEB_CONCURRENCY) || os.availableParallelism());
const heapMB = Math.max(64, Number(process.env.SERVER_HEAP_MB) || 1024);

/** Where each request's TCP peer address travels to the route handlers (see PEER_HEADER_ENV in lib/server/auth.ts). */
const PEER_HEADER = "x-tension-peer";
process.env.TENSION_PEER_HEADER = PEER_HEADER;

const RESTART_DELAY_MS = { first: 500, max: 30_000 };
/** A process serving this long ends a run of early deaths: the next restart is quick again. */
const STABLE_MS = 10_000;
const MAX_START_FAILURES = 5;

function url(address) {
  const shown = address.address.includes(":") ? `[${address.address}]` : address.address;
  const every = address.address === "0.0.0.0" || address.address === "::" ? " (every interface)" : "";
  return `http://${shown}:${address.port}${every}`;
}

function startPrimary() {
  const trustProxy = (process.env.TRUST_PROXY ?? "").trim() || "0";
  if (!/^\d{1,2}$/.test(trustProxy)) {
    console.error(`TRUST_PROXY must be the number of proxy hops to trust (0, 1, 2, …), not "${process.env.TRUST_PROXY}"`);
    process.exit(2);
  }
  let stopping = false;
  let announced = false;
  /** Deaths since a process last served STABLE_MS: sets the restart delay. */
  let youngDeaths = 0;
  /** Processes in a row that died before listening. */
  let startFailures = 0;
  let lastStartError = null;
  const started = new Map();
  const listening = new Set();

  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${heapMB}`] });
  const fork = () => {
    if (!stopping) started.set(cluster.fork().id, Date.now());
  };

  cluster.on("message", (worker, message) => {
    if (message && message.type === "start-failed") lastStartError = String(message.error);
  });
  cluster.on("listening", (worker, address) => {
    listening.add(worker.id);
    startFailures = 0;
    setTimeout(() => {
      if (listening.has(worker.id)) youngDeaths = 0;
    }, STABLE_MS).unref();
    if (announced) return;
    announced = true;
    const proxies = trustProxy === "0" ? "the connecting address" : `X-Forwarded-For, ${trustProxy} proxy hop${trustProxy === "1" ? "" : "s"} trusted`;
    console.log(`serving on ${url(address)} with ${processes} process${processes === 1 ? "" : "es"}; login attempts counted by ${proxies}`);
  });
  cluster.on("exit", (worker, code, signal) => {
    const served = listening.delete(worker.id);
    const lived = ((Date.now() - (started.get(worker.id) ?? Date.now())) / 1000).toFixed(1);
    started.delete(worker.id);
    if (stopping) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!served && ++startFailures >= MAX_START_FAILURES && listening.size === 0) {
      console.error(
        `server process ${worker.process.pid} ${how} before listening; ${startFailures} in a row could not start` +
          `${lastStartError ? ` (last error: ${lastStartError})` : ""}. Giving up: fix the cause shown above and start again.`,
      );
      stop(1);
      return;
    }
    youngDeaths++;
    const delay = Math.min(RESTART_DELAY_MS.max, RESTART_DELAY_MS.first * 2 ** (youngDeaths - 1));
    console.error(`server process ${worker.process.pid} ${how} ${served ? `after ${lived} s` : "before listening"}; starting another in ${delay / 1000} s`);
    setTimeout(fork, delay);
  });

  function stop(code) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(code), 3000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code);
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(code));
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
  for (let i = 0; i < processes; i++) fork();
}

async function startWorker() {
  const next = require("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    delete req.headers[PEER_HEADER];
    if (req.socket.remoteAddress) req.headers[PEER_HEADER] = req.socket.remoteAddress;
    handle(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (cluster.isPrimary) startPrimary();
else
  startWorker().catch((error) => {
    console.error(`server process ${process.pid} could not start:`, error);
    // The primary names the cause when it gives up; exit once the message is out.
    process.send({ type: "start-failed", error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
  });
