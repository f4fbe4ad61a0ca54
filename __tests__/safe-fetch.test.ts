// Fetching a page from an address a user gave (lib/server/fetch/): against a server of the
// test's own on 127.0.0.1, serving the invented pages of __tests__/pages/. Redirects are followed
// up to a limit, slow, oversized and wrongly typed answers fail with their own error, and
// loopback, private and link-local addresses are refused before any connection, on every hop,
// unless ALLOW_PRIVATE_FETCH allows them. Nothing here reaches outside the machine.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { refusedAddressKind } from "../lib/server/fetch/address";
import { FetchError, safeFetch, type FetchOptions } from "../lib/server/fetch/safe-fetch";

const PAGES = path.join(__dirname, "pages");
const wordpress = fs.readFileSync(path.join(PAGES, "wordpress.html"));

/** The test's web server: each path an answer the fetch must handle. */
function route(req: http.IncomingMessage, res: http.ServerResponse, base: string): void {
  const url = new URL(req.url ?? "/", base);
  const html = (body: Buffer | string, type = "text/html; charset=utf-8") => {
    res.writeHead(200, { "content-type": type });
    res.end(body);
  };
  const redirect = /^\/redirect\/(\d+)$/.exec(url.pathname);
  if (redirect) {
    const n = Number(redirect[1]);
    res.writeHead(n % 2 ? 302 : 301, { location: n > 1 ? `/redirect/${n - 1}` : "../page" });
    res.end();
    return;
  }
  switch (url.pathname) {
    case "/page":
      return html(wordpress);
    case "/xhtml":
      return html(wordpress, "application/xhtml+xml");
    case "/latin1":
      return html(Buffer.from("<html><body><p>Sm\u00f8rbr\u00f8d in Troms\u00f8</p></body></html>", "latin1"), "text/html; charset=windows-1252");
    case "/gzip":
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(zlib.gzipSync(wordpress));
      return;
    case "/gzip-bomb":
      // A few kilobytes that inflate to 8 MB.
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      res.end(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)));
      return;
    case "/big-declared":
      res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
      res.write("<html>");
      return; // never finishes: the fetch must not wait for it
    case "/big-streamed": {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const push = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100 && !res.destroyed) res.once("drain", push);
        else res.end();
      };
      push();
      return;
    }
    case "/slow-headers":
      setTimeout(() => html(wordpress), 5000).unref();
      return;
    case "/slow-body":
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>");
      setTimeout(() => res.end("late</p></body></html>"), 5000).unref();
      return;
    case "/json":
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
      return;
    case "/untyped":
      res.writeHead(200);
      res.end("<html></html>");
      return;
    case "/missing":
      res.writeHead(404, "Not Found", { "content-type": "text/html" });
      res.end("<html><body>gone</body></html>");
      return;
    case "/to-other-loopback":
      res.writeHead(302, { location: `http://127.0.0.2:${(req.socket.localPort ?? 0).toString()}/page` });
      res.end();
      return;
    case "/to-file":
      res.writeHead(302, { location: "file:///etc/passwd" });
      res.end();
      return;
    case "/conditional":
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else {
        res.writeHead(200, { "content-type": "text/html", etag: '"v1"' });
        res.end(wordpress);
      }
      return;
    default:
      res.writeHead(404);
      res.end();
  }
}

let server: http.Server;
let base: string;
let requests: string[];

beforeAll(async () => {
  requests = [];
  server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    route(req, res, base);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const LOCAL: FetchOptions = { allowPrivate: true };

/** The FetchError a fetch fails with (fails the test when it succeeds). */
async function failure(address: string, options: FetchOptions = LOCAL): Promise<FetchError> {
  try {
    const page = await safeFetch(address, options);
    throw new Error(`expected a FetchError, got ${page.status} from ${page.url}`);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
}

describe("answers that go through", () => {
  test("a page: its bytes, decoded text, type and address", async () => {
    const page = await safeFetch(`${base}/page`, LOCAL);
    expect(page).toMatchObject({ status: 200, url: `${base}/page`, requestedUrl: `${base}/page`, contentType: "text/html", notModified: false, redirects: [] });
    expect(page.bytes.equals(wordpress)).toBe(true);
    expect(page.text).toBe(wordpress.toString("utf8"));
  });

  test("redirects, relative ones included, up to the limit; the final address is the page's", async () => {
    const page = await safeFetch(`${base}/redirect/3`, LOCAL);
    expect(page.url).toBe(`${base}/page`);
    expect(page.redirects).toEqual([`${base}/redirect/2`, `${base}/redirect/1`, `${base}/page`]);
    expect((await safeFetch(`${base}/redirect/3`, { ...LOCAL, maxRedirects: 3 })).url).toBe(`${base}/page`);
  });

  test("gzip bodies are decompressed; a declared character set is decoded; XHTML is a page", async () => {
    expect((await safeFetch(`${base}/gzip`, LOCAL)).text).toBe(wordpress.toString("utf8"));
    expect((await safeFetch(`${base}/latin1`, LOCAL)).text).toContain("Smørbrød in Tromsø");
    expect((await safeFetch(`${base}/xhtml`, LOCAL)).contentType).toBe("application/xhtml+xml");
  });

  test("a conditional request answered 304 is not modified, with no body", async () => {
    const first = await safeFetch(`${base}/conditional`, LOCAL);
    expect(first.headers.etag).toBe('"v1"');
    const again = await safeFetch(`${base}/conditional`, { ...LOCAL, headers: { "if-none-match": '"v1"' } });
    expect(again).toMatchObject({ status: 304, notModified: true, text: "" });
  });
});

describe("answers refused, each with its own error", () => {
  test("too many redirects", async () => {
    const e = await failure(`${base}/redirect/4`, { ...LOCAL, maxRedirects: 3 });
    expect(e.kind).toBe("too-many-redirects");
    expect(e.message).toBe(`${base}/redirect/4: more than 3 redirects (the last to ${base}/page)`);
  });

  test("a redirect to another scheme", async () => {
    const e = await failure(`${base}/to-file`);
    expect(e.kind).toBe("invalid-url");
    expect(e.message).toMatch(/only http and https addresses can be fetched \(got file\)$/);
  });

  test("no answer, or no whole body, within the time limit", async () => {
    const started = Date.now();
    const headers = await failure(`${base}/slow-headers`, { ...LOCAL, timeoutMs: 300 });
    expect(headers).toMatchObject({ kind: "timeout", message: `${base}/slow-headers: no complete answer within 0.3 s` });
    const body = await failure(`${base}/slow-body`, { ...LOCAL, timeoutMs: 300 });
    expect(body.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(4000);
  });

  test("a body over the size limit, declared, streamed or inflated", async () => {
    const maxBytes = 1024 * 1024;
    expect(await failure(`${base}/big-declared`, { ...LOCAL, maxBytes })).toMatchObject({ kind: "too-large", message: `${base}/big-declared: the page is 50 MB, more than the 1 MB limit` });
    expect(await failure(`${base}/big-streamed`, { ...LOCAL, maxBytes })).toMatchObject({ kind: "too-large", message: `${base}/big-streamed: the page is larger than the 1 MB limit` });
    expect((await failure(`${base}/gzip-bomb`, { ...LOCAL, maxBytes })).kind).toBe("too-large");
  });

  test("a content type that is not a page", async () => {
    expect(await failure(`${base}/json`)).toMatchObject({ kind: "content-type", message: `${base}/json: the server sent application/json, not text/html or application/xhtml+xml` });
    expect((await failure(`${base}/untyped`)).message).toMatch(/sent no content type/);
    // The caller says which types it takes.
    expect((await safeFetch(`${base}/json`, { ...LOCAL, contentTypes: ["application/json"] })).text).toBe("{}");
  });

  test("an HTTP error status, a closed port and an address that is not one", async () => {
    expect(await failure(`${base}/missing`)).toMatchObject({ kind: "http-status", message: `${base}/missing: the server answered HTTP 404 Not Found` });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(`http://127.0.0.1:${port}/`)).toMatchObject({ kind: "network", message: `http://127.0.0.1:${port}/: the server refused the connection` });
    expect((await failure("not a url")).kind).toBe("invalid-url");
    expect((await failure("ftp://127.0.0.1/file")).message).toMatch(/got ftp/);
  });
});

describe("addresses the server does not fetch from", () => {
  const ALLOW = process.env.ALLOW_PRIVATE_FETCH;
  afterEach(() => {
    if (ALLOW === undefined) delete process.env.ALLOW_PRIVATE_FETCH;
    else process.env.ALLOW_PRIVATE_FETCH = ALLOW;
  });

  test("loopback, private, link-local and their IPv6 and mapped forms; public ones pass", () => {
    const kinds = Object.fromEntries(
      ["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "[::1]", "::", "fe80::1", "fe80::1%eth0", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:a9fe:a9fe", "64:ff9b::10.0.0.1", "8.8.8.8", "172.32.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"].map((a) => [a, refusedAddressKind(a)]),
    );
    expect(kinds).toEqual({
      "127.0.0.1": "loopback",
      "127.8.9.10": "loopback",
      "10.1.2.3": "private",
      "172.16.0.1": "private",
      "172.31.255.255": "private",
      "192.168.1.1": "private",
      "169.254.169.254": "link-local",
      "100.64.0.1": "private (carrier-grade NAT)",
      "0.0.0.0": "unspecified",
      "::1": "loopback",
      "[::1]": "loopback",
      "::": "unspecified",
      "fe80::1": "link-local",
      "fe80::1%eth0": "link-local",
      "fd00::1": "private (unique local)",
      "::ffff:127.0.0.1": "loopback",
      "::ffff:7f00:1": "loopback",
      "::ffff:a9fe:a9fe": "link-local",
      "64:ff9b::10.0.0.1": "private",
      "8.8.8.8": null,
      "172.32.0.1": null,
      "2001:4860:4860::8888": null,
      "::ffff:8.8.8.8": null,
    });
  });

  test("without ALLOW_PRIVATE_FETCH a loopback address is refused before connecting, as a literal or after DNS", async () => {
    delete process.env.ALLOW_PRIVATE_FETCH;
    const before = requests.length;
    const literal = await failure(`${base}/page`, {});
    expect(literal).toMatchObject({ kind: "refused-address", message: `${base}/page: 127.0.0.1 is a loopback address, which the server does not fetch from (set ALLOW_PRIVATE_FETCH to allow)` });
    const port = new URL(base).port;
    const named = await failure(`http://localhost:${port}/page`, {});
    expect(named.kind).toBe("refused-address");
    expect(named.message).toMatch(new RegExp(`^http://localhost:${port}/page: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address`));
    expect((await failure(`http://[::1]:${port}/page`, {})).message).toMatch(/::1 is a loopback address/);
    expect(requests.length).toBe(before);
  });

  test("ALLOW_PRIVATE_FETCH lets them through", async () => {
    process.env.ALLOW_PRIVATE_FETCH = "1";
    expect((await safeFetch(`${base}/page`)).status).toBe(200);
    process.env.ALLOW_PRIVATE_FETCH = "0";
    expect((await failure(`${base}/page`, {})).kind).toBe("refused-address");
  });

  test("every redirect hop is checked: a redirect to a refused address fails without reaching it", async () => {
    const onlyThisServer = (address: string) => (address === "127.0.0.1" ? null : "loopback");
    const e = await failure(`${base}/to-other-loopback`, { refuseAddress: onlyThisServer });
    expect(e).toMatchObject({ kind: "refused-address" });
    expect(e.message).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/page: 127\.0\.0\.2 is a loopback address/);
  });
});
