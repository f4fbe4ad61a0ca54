// The admin security layer: password hashing, the generated password, sessions, the
// login rate limit, cross-site refusal and the security headers, through the route
// handlers and authorize() as the app calls them.
import { NextRequest } from "next/server";
import { POST as loginPost } from "../app/api/login/route";
import { POST as logoutPost } from "../app/api/logout/route";
import { attemptLogin, authorize, clientKey, ensureAdminPassword, hashPassword, LOGIN_LIMIT, PEER_HEADER_ENV, refuseCrossSite, SESSION_COOKIE, SESSION_TTL_SECONDS, trustedProxyHops, verifyPassword } from "../lib/server/auth";
import { disconnect } from "../lib/store/client";
import { contentSecurityPolicy, proxy } from "../proxy";
import { backends, type Backend } from "./helpers/backends";

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): NextRequest {
  return new NextRequest(new URL(path, "http://localhost"), { method: init.method ?? "GET", headers: init.headers, body: init.body });
}

/** The header scripts/serve.js sets to the connecting address (and names in PEER_HEADER_ENV). */
const PEER = "x-tension-peer";

function login(password: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return loginPost(request("/api/login", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ password }) }));
}

/** The `name=value` part of the session cookie a response sets. */
function sessionCookie(response: Response): string {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!header) throw new Error("no session cookie set");
  return header.split(";")[0];
}

describe("password hashing", () => {
  it("hashes with scrypt, a random salt and the parameters in the string", async () => {
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("verifies the password and nothing else", async () => {
    const hash = await hashPassword("correct horse");
    await expect(verifyPassword("correct horse", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct hors", hash)).resolves.toBe(false);
    await expect(verifyPassword("", hash)).resolves.toBe(false);
  });

  it("honours the cost named in the string and refuses malformed ones", async () => {
    const cheap = "$scrypt$ln=10,r=8,p=1$" + Buffer.from("0123456789abcdef").toString("base64").replace(/=+$/, "");
    const crypto = await import("node:crypto");
    const key = crypto.scryptSync("pw", Buffer.from("0123456789abcdef"), 32, { N: 1024, r: 8, p: 1 }).toString("base64").replace(/=+$/, "");
    await expect(verifyPassword("pw", `${cheap}$${key}`)).resolves.toBe(true);
    await expect(verifyPassword("pw", "plain-text")).rejects.toThrow(/scrypt/);
    await expect(verifyPassword("pw", `$scrypt$ln=40,r=8,p=1$AAAA$${key}`)).rejects.toThrow(/out-of-range/);
  });
});

describe("cross-site refusal", () => {
  const post = (headers: Record<string, string>) => refuseCrossSite(request("/api/weights", { method: "POST", headers }));

  it("lets same-origin browser requests and header-less clients through", () => {
    expect(post({})).toBeNull();
    expect(post({ "sec-fetch-site": "same-origin", origin: "http://localhost" })).toBeNull();
    expect(post({ "sec-fetch-site": "none" })).toBeNull();
    expect(post({ origin: "https://admin.example:8443", "x-forwarded-host": "admin.example:8443" })).toBeNull();
  });

  it("refuses other sites by Sec-Fetch-Site or by Origin with 403", async () => {
    const crossSite: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "http://localhost" },
      { origin: "http://evil.example" },
      { origin: "http://localhost.evil.example" },
      { origin: "null" },
    ];
    for (const headers of crossSite) {
      const refused = post(headers);
      expect(refused?.status).toBe(403);
      expect(await refused!.json()).toEqual({ error: expect.stringMatching(/cross-site/) });
    }
  });
});

describe("the login rate limit's client key", () => {
  const saved = process.env[PEER_HEADER_ENV];
  const from = (headers: Record<string, string>) => request("/api/login", { method: "POST", headers });
  beforeEach(() => {
    process.env[PEER_HEADER_ENV] = PEER;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env[PEER_HEADER_ENV];
    else process.env[PEER_HEADER_ENV] = saved;
  });

  it("is the connecting address, whatever the forwarding headers say", () => {
    expect(clientKey(from({ [PEER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1", "x-real-ip": "198.51.100.2" }), 0)).toBe("203.0.113.5");
    expect(clientKey(from({ [PEER]: "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientKey(from({ [PEER]: "::1" }), 0)).toBe("::1");
  });

  it("with n trusted proxies is the address n hops from the right of X-Forwarded-For", () => {
    const headers = { [PEER]: "10.0.0.2", "x-forwarded-for": "192.0.2.1, 203.0.113.5, 10.0.0.1" };
    expect(clientKey(from(headers), 0)).toBe("10.0.0.2");
    expect(clientKey(from(headers), 1)).toBe("10.0.0.1");
    expect(clientKey(from(headers), 2)).toBe("203.0.113.5");
    // A request that reached the inner proxy directly: the chain is shorter than the hops.
    expect(clientKey(from({ [PEER]: "10.0.0.2", "x-forwarded-for": "203.0.113.5" }), 2)).toBe("203.0.113.5");
    expect(clientKey(from({ [PEER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("is one shared key when no server vouches for the peer header (next dev, next start)", () => {
    delete process.env[PEER_HEADER_ENV];
    expect(clientKey(from({ [PEER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1" }), 0)).toBe("local");
    expect(clientKey(from({ [PEER]: "203.0.113.5", "x-forwarded-for": "198.51.100.1" }), 1)).toBe("local");
  });

  it("reads TRUST_PROXY as a number of hops and refuses anything else", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops(" 2 ")).toBe(2);
    for (const bad of ["true", "-1", "1.5", "one", "100"]) expect(() => trustedProxyHops(bad)).toThrow(/TRUST_PROXY must be the number of proxy hops/);
  });
});

describe("security headers (proxy.ts)", () => {
  it("sets a CSP with a fresh nonce per request and the other headers", () => {
    const first = proxy(request("/"));
    const second = proxy(request("/api/series"));
    const csp = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1];
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toBe(contentSecurityPolicy(nonce, false));
    for (const directive of [
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(csp.split("; ")).toContain(directive);
    }
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", true)).toContain("'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("permissions-policy")).toBe("camera=(), microphone=(), geolocation=()");
    // Next renders with the request's CSP to find the nonce for its own scripts.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });
});

describe.each(backends)("admin access on %s", (_name, open) => {
  let backend: Backend;
  let generated: string;
  const saved = {
    DATABASE_URL: process.env.DATABASE_URL,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD,
    SESSION_SECRET: process.env.SESSION_SECRET,
    TRUST_PROXY: process.env.TRUST_PROXY,
    [PEER_HEADER_ENV]: process.env[PEER_HEADER_ENV],
  };

  beforeAll(async () => {
    backend = await open();
    process.env.DATABASE_URL = backend.url;
    process.env[PEER_HEADER_ENV] = PEER;
    delete process.env.TRUST_PROXY;
    delete process.env.ADMIN_PASSWORD;
    delete process.env.SESSION_SECRET;
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await disconnect();
    await backend.cleanup();
  });
  afterEach(() => {
    delete process.env.ADMIN_PASSWORD;
    delete process.env.SESSION_SECRET;
    delete process.env.TRUST_PROXY;
    jest.restoreAllMocks();
  });

  it("uses ADMIN_PASSWORD when set, storing nothing", async () => {
    process.env.ADMIN_PASSWORD = "from the environment";
    await expect(ensureAdminPassword(backend.prisma)).resolves.toBeNull();
    expect(await backend.prisma.setting.count({ where: { key: { contains: "password" } } })).toBe(0);
    expect((await login("from the environment", { [PEER]: "198.51.100.1" })).status).toBe(200);
    expect((await login("from the environmen", { [PEER]: "198.51.100.1" })).status).toBe(401);
  });

  it("generates one password under concurrent first starts, stores only its hash, and shows it once", async () => {
    const results = await Promise.all([ensureAdminPassword(backend.prisma), ensureAdminPassword(backend.prisma), ensureAdminPassword(backend.prisma)]);
    const shown = results.filter((r): r is string => r !== null);
    expect(shown).toHaveLength(1);
    generated = shown[0];
    expect(generated.length).toBeGreaterThanOrEqual(24);
    const rows = await backend.prisma.setting.findMany({ where: { key: { contains: "password" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].value).toMatch(/^\$scrypt\$/);
    expect(rows[0].value).not.toContain(generated);
    await expect(verifyPassword(generated, rows[0].value)).resolves.toBe(true);
    await expect(ensureAdminPassword(backend.prisma)).resolves.toBeNull();
  });

  it("ADMIN_PASSWORD takes precedence over a stored password", async () => {
    process.env.ADMIN_PASSWORD = "from the environment";
    expect((await login(generated, { [PEER]: "198.51.100.2" })).status).toBe(401);
    expect((await login("from the environment", { [PEER]: "198.51.100.2" })).status).toBe(200);
  });

  it("logs in: 200 and an httpOnly, SameSite=Strict session cookie that authorizes later requests", async () => {
    const response = await login(generated);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ user: "admin" });
    const [header] = response.headers.getSetCookie();
    expect(header).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+;`));
    expect(header).toMatch(/; HttpOnly/i);
    expect(header).toMatch(/; SameSite=Strict/i);
    expect(header).toMatch(/; Path=\/(;|$)/);
    expect(header).toMatch(new RegExp(`; Max-Age=${SESSION_TTL_SECONDS - 60}(;|$)`));
    expect(header).not.toMatch(/; Secure/i);
    expect(header).not.toContain(generated);

    const cookie = sessionCookie(response);
    const auth = await authorize(request("/api/weights", { method: "POST", headers: { cookie } }));
    expect(auth).toEqual({ ok: true, user: "admin" });
    // Nothing is held in memory: a fresh client (another replica) accepts the cookie.
    await disconnect();
    await expect(authorize(request("/api/weights", { method: "PUT", headers: { cookie } }))).resolves.toMatchObject({ ok: true });
  });

  it("marks the cookie Secure when the request came over https", async () => {
    const response = await login(generated, { "x-forwarded-proto": "https" });
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/i);
  });

  it("answers 401 to a wrong password, 422 to an invalid body and 415 to a non-JSON one", async () => {
    const wrong = await login("not it", { [PEER]: "198.51.100.3" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(await wrong.json()).toEqual({ error: expect.any(String) });

    const empty = await login("");
    expect(empty.status).toBe(422);
    expect((await empty.json()).fields).toEqual({ password: expect.any(String) });
    const missing = await loginPost(request("/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(missing.status).toBe(422);
    expect((await missing.json()).fields).toHaveProperty("password");
    const notJson = await loginPost(request("/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: "{password" }));
    expect(notJson.status).toBe(422);
    const form = await loginPost(request("/api/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "password=x" }));
    expect(form.status).toBe(415);
  });

  it("refuses the 6th failed login from one client with 429 and Retry-After, while another client gets through", async () => {
    const attacker = { [PEER]: "203.0.113.7" };
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) expect((await login(`guess ${i}`, attacker)).status).toBe(401);
    const limited = await login("guess 6", attacker);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMIT.windowMs / 1000);
    expect(await limited.json()).toMatchObject({ error: expect.stringMatching(/too many/), retryAfter });
    // Even the right password waits, and waiting does not extend the lockout.
    expect((await login(generated, attacker)).status).toBe(429);
    expect(await backend.prisma.loginAttempt.count({ where: { key: "203.0.113.7", ok: false } })).toBe(LOGIN_LIMIT.failures);

    expect((await login(generated, { [PEER]: "203.0.113.8" })).status).toBe(200);
    // That success did not reset the first client's count.
    expect((await login(generated, attacker)).status).toBe(429);
  });

  it("lets a client try again once its failures leave the window, and prunes old attempts", async () => {
    const key = "203.0.113.9";
    const start = new Date();
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) expect(await attemptLogin(backend.prisma, key, "wrong", start)).toEqual({ ok: false, status: 401 });
    const limited = await attemptLogin(backend.prisma, key, generated, new Date(start.getTime() + 60_000));
    expect(limited).toEqual({ ok: false, status: 429, retryAfterSeconds: LOGIN_LIMIT.windowMs / 1000 - 60 });
    const later = new Date(start.getTime() + LOGIN_LIMIT.windowMs + 1000);
    expect(await attemptLogin(backend.prisma, key, generated, later)).toEqual({ ok: true });
    expect(await backend.prisma.loginAttempt.count({ where: { at: { lt: new Date(later.getTime() - LOGIN_LIMIT.windowMs) } } })).toBe(0);
  });

  it("holds the limit under a burst of parallel guesses", async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => login(`burst ${i}`, { [PEER]: "203.0.113.11" }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LOGIN_LIMIT.failures);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(12 - LOGIN_LIMIT.failures);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it("counts the connecting address: a forged X-Forwarded-For neither adds guesses nor locks anyone out", async () => {
    const admin = "198.51.100.20";
    const framing = { [PEER]: "203.0.113.20", "x-forwarded-for": admin, "x-real-ip": admin };
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) expect((await login(`frame ${i}`, framing)).status).toBe(401);
    expect((await login("frame again", framing)).status).toBe(429);
    expect(await backend.prisma.loginAttempt.count({ where: { key: admin } })).toBe(0);
    expect((await login(generated, { [PEER]: admin })).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT.failures + 3; i++) {
      const fresh = { [PEER]: "203.0.113.21", "x-forwarded-for": `192.0.2.${i}`, "x-real-ip": `192.0.2.${100 + i}` };
      statuses.push((await login(`fresh ${i}`, fresh)).status);
    }
    expect(statuses).toEqual([...Array(LOGIN_LIMIT.failures).fill(401), 429, 429, 429]);
    expect(await backend.prisma.loginAttempt.count({ where: { key: { startsWith: "192.0.2." } } })).toBe(0);
  });

  it("with TRUST_PROXY=1 counts the address the proxy appended, never what the client wrote before it", async () => {
    process.env.TRUST_PROXY = "1";
    const proxy = "10.0.0.1";
    const admin = "198.51.100.31";
    const viaProxy = (forwardedFor: string) => ({ [PEER]: proxy, "x-forwarded-for": forwardedFor });
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) {
      expect((await login(`hop ${i}`, viaProxy(`192.0.2.${i}, ${admin}, 203.0.113.30`))).status).toBe(401);
    }
    expect((await login("hop again", viaProxy(`192.0.2.99, 203.0.113.30`))).status).toBe(429);
    expect((await login(generated, viaProxy(admin))).status).toBe(200);
    expect(await backend.prisma.loginAttempt.count({ where: { key: { in: [proxy, admin] }, ok: false } })).toBe(0);
  });

  it("forgets a client's failures when it logs in", async () => {
    const key = "203.0.113.10";
    for (let i = 0; i < LOGIN_LIMIT.failures - 1; i++) await attemptLogin(backend.prisma, key, "wrong");
    expect(await attemptLogin(backend.prisma, key, generated)).toEqual({ ok: true });
    for (let i = 0; i < LOGIN_LIMIT.failures; i++) expect(await attemptLogin(backend.prisma, key, "wrong")).toEqual({ ok: false, status: 401 });
  });

  it("refuses a cross-site login or logout with 403", async () => {
    const login403 = await login(generated, { origin: "http://evil.example", [PEER]: "198.51.100.4" });
    expect(login403.status).toBe(403);
    expect(login403.headers.getSetCookie()).toEqual([]);
    expect((await login(generated, { "sec-fetch-site": "cross-site", [PEER]: "198.51.100.4" })).status).toBe(403);
    const logout403 = await logoutPost(request("/api/logout", { method: "POST", headers: { origin: "http://evil.example" } }));
    expect(logout403.status).toBe(403);
    expect(logout403.headers.getSetCookie()).toEqual([]);
  });

  it("authorize refuses missing, tampered and expired sessions with 401 and cross-site requests with 403", async () => {
    const cookie = sessionCookie(await login(generated, { origin: "http://localhost", "sec-fetch-site": "same-origin" }));
    const call = (headers: Record<string, string>, method = "POST") => authorize(request("/api/weights", { method, headers }));
    const refusal = async (auth: Awaited<ReturnType<typeof authorize>>) => {
      if (auth.ok) throw new Error("authorized");
      return { status: auth.response.status, body: await auth.response.json() };
    };

    expect(await refusal(await call({}))).toEqual({ status: 401, body: { error: expect.any(String) } });
    const value = cookie.slice(SESSION_COOKIE.length + 1);
    const flipped = value.slice(0, 40) + (value[40] === "A" ? "B" : "A") + value.slice(41);
    expect((await refusal(await call({ cookie: `${SESSION_COOKIE}=${flipped}` }))).status).toBe(401);
    expect((await refusal(await call({ cookie: `${SESSION_COOKIE}=garbage` }))).status).toBe(401);

    const now = Date.now();
    jest.spyOn(Date, "now").mockReturnValue(now + SESSION_TTL_SECONDS * 1000 - 120_000);
    expect(await call({ cookie })).toEqual({ ok: true, user: "admin" });
    jest.spyOn(Date, "now").mockReturnValue(now + SESSION_TTL_SECONDS * 1000 + 1000);
    expect((await refusal(await call({ cookie }))).status).toBe(401);
    jest.restoreAllMocks();

    const crossSite = await refusal(await call({ cookie, origin: "http://evil.example" }));
    expect(crossSite.status).toBe(403);
    expect(await call({ cookie, origin: "http://evil.example" }, "GET")).toEqual({ ok: true, user: "admin" });
    expect((await refusal(await authorize(request("/api/weights", { headers: { cookie, origin: "http://evil.example" } }), { stateChanging: true }))).status).toBe(403);
  });

  it("ends every session when the password changes", async () => {
    const cookie = sessionCookie(await login(generated));
    await backend.prisma.setting.deleteMany({ where: { key: { contains: "password" } } });
    const fresh = await ensureAdminPassword(backend.prisma);
    expect(fresh).not.toBeNull();
    expect((await authorize(request("/api/weights", { method: "POST", headers: { cookie } }))).ok).toBe(false);
    expect((await login(generated)).status).toBe(401);
    generated = fresh!;
    expect((await login(generated)).status).toBe(200);
  });

  it("signs with SESSION_SECRET when set (and refuses a short one)", async () => {
    const stored = sessionCookie(await login(generated));
    process.env.SESSION_SECRET = "x".repeat(40);
    expect((await authorize(request("/api/weights", { method: "POST", headers: { cookie: stored } }))).ok).toBe(false);
    const cookie = sessionCookie(await login(generated));
    expect((await authorize(request("/api/weights", { method: "POST", headers: { cookie } }))).ok).toBe(true);
    process.env.SESSION_SECRET = "short";
    await expect(authorize(request("/api/weights", { method: "POST", headers: { cookie } }))).rejects.toThrow(/SESSION_SECRET/);
  });

  it("logs out: 200 and the cookie cleared, with or without a session", async () => {
    const cookie = sessionCookie(await login(generated));
    const sessions: Record<string, string>[] = [{ cookie }, {}];
    for (const headers of sessions) {
      const response = await logoutPost(request("/api/logout", { method: "POST", headers }));
      expect(response.status).toBe(200);
      const [cleared] = response.headers.getSetCookie();
      expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
      expect(cleared).toMatch(/Max-Age=0/i);
      expect(cleared).toMatch(/HttpOnly/i);
      expect(cleared).toMatch(/SameSite=Strict/i);
    }
  });
});
