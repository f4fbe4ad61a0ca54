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

/** A worker that dies is replaced, unless it died within seconds of starting (a broken build would loop). */
const RESTART_AFTER_MS = 5000;

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
  const started = new Map();
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${heapMB}`] });
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < processes; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (lived < RESTART_AFTER_MS) {
      console.error(`server process ${worker.process.pid} exited (${signal ?? code}) right after starting; stopping`);
      stop(1);
      return;
    }
    console.error(`server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  function stop(code) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(code), 3000).unref();
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(code));
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
  let announced = false;
  cluster.on("listening", (worker, address) => {
    if (announced) return;
    announced = true;
    const proxies = trustProxy === "0" ? "the connecting address" : `X-Forwarded-For, ${trustProxy} proxy hop${trustProxy === "1" ? "" : "s"} trusted`;
    console.log(`serving on ${url(address)} with ${processes} process${processes === 1 ? "" : "es"}; login attempts counted by ${proxies}`);
  });
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
  server.listen(port, host);
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (cluster.isPrimary) startPrimary();
else
  startWorker().catch((error) => {
    console.error(error);
    process.exit(1);
  });
