// Admin access: one password, sealed session cookies, a login rate limit and the
// refusal of cross-site state-changing requests. Route handlers call authorize();
// server components call currentUser().
//
// Nothing lives in process memory: the password hash, the session secret and the
// rate-limit counters are in the store (lib/store/auth.ts), so replicas agree.
import crypto from "node:crypto";
import { promisify } from "node:util";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import type { NextResponse } from "next/server";
import { claimLoginAttempt, readSettings, recordLoginSuccess, settingOnce, type LoginLimit } from "../store/auth";
import { getPrisma, type Db } from "../store/client";
import { jsonError } from "./http";

export const ADMIN_USER = "admin";
export const SESSION_COOKIE = "tension_session";
export const SESSION_TTL_SECONDS = 8 * 60 * 60;
export const LOGIN_LIMIT: LoginLimit = { failures: 5, windowMs: 15 * 60 * 1000 };

const PASSWORD_HASH_KEY = "admin.passwordHash";
const SESSION_SECRET_KEY = "session.secret";
/** iron-session refuses shorter passwords, and so do we for SESSION_SECRET. */
const MIN_SECRET_LENGTH = 32;

// ---- password hashing -------------------------------------------------------------

const scrypt = promisify(crypto.scrypt) as (password: crypto.BinaryLike, salt: crypto.BinaryLike, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** Cost 2^15 × 8 × 1 takes tens of milliseconds and 32 MiB: cheap for one login, dear for guessing. */
const SCRYPT_COST = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;

const b64 = (bytes: Buffer) => bytes.toString("base64").replace(/=+$/, "");

function scryptOptions(ln: number, r: number, p: number): crypto.ScryptOptions {
  const N = 2 ** ln;
  // Node's default memory cap (32 MiB) is exactly what N=2^15, r=8 needs, and scrypt
  // refuses to run at the cap.
  return { N, r, p, maxmem: 256 * N * r };
}

/** A salted scrypt hash that names its own parameters: `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (PHC string format). */
export async function hashPassword(password: string): Promise<string> {
  const { ln, r, p } = SCRYPT_COST;
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, scryptOptions(ln, r, p));
  return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
}

const PHC_SCRYPT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Whether `password` matches a hashPassword() string; the parameters come from the string, so old hashes keep working when the cost changes. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const m = PHC_SCRYPT.exec(encoded);
  if (!m) throw new Error("the stored admin password hash is not a $scrypt$ string");
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < 10 || ln > 17 || r < 1 || r > 16 || p < 1 || p > 4) throw new Error("the stored admin password hash has out-of-range scrypt parameters");
  const salt = Buffer.from(m[4], "base64");
  const expected = Buffer.from(m[5], "base64");
  const actual = await scrypt(password, salt, expected.length, scryptOptions(ln, r, p));
  return crypto.timingSafeEqual(actual, expected);
}

/** Compares in time independent of where the strings differ, and of their lengths. */
function safeEqual(a: string, b: string): boolean {
  const digest = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest();
  return crypto.timingSafeEqual(digest(a), digest(b));
}

// ---- the admin password -----------------------------------------------------------

function envPassword(): string | null {
  return process.env.ADMIN_PASSWORD || null;
}

/** 144 random bits, URL-safe so that it survives copying from a terminal. */
function generatePassword(): string {
  return crypto.randomBytes(18).toString("base64url");
}

async function storedPasswordHash(db: Db): Promise<{ hash: string; generated: string | null }> {
  let generated: string | null = null;
  const { value, created } = await settingOnce(db, PASSWORD_HASH_KEY, () => {
    generated = generatePassword();
    return hashPassword(generated);
  });
  return { hash: value, generated: created ? generated : null };
}

/**
 * Without ADMIN_PASSWORD: makes sure an admin password exists, storing only its hash.
 * Returns the plaintext to the one caller that created it (to show it once) and null
 * otherwise: when one was stored already, when a concurrent start won the race, or
 * when ADMIN_PASSWORD is set (then nothing is stored at all).
 */
export async function ensureAdminPassword(db: Db): Promise<string | null> {
  if (envPassword() !== null) return null;
  return (await storedPasswordHash(db)).generated;
}

/** The boxed console message that shows a generated password its only time. */
export function generatedPasswordNotice(password: string): string {
  const lines = [
    "Admin password, generated now (it will not be shown again):",
    "",
    `    ${password}`,
    "",
    "Log in at /admin. Only a hash is stored. To reset it, delete the",
    `Setting row "${PASSWORD_HASH_KEY}" and restart, or set ADMIN_PASSWORD.`,
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = "─".repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join("\n");
}

async function passwordMatches(db: Db, password: string): Promise<boolean> {
  const fromEnv = envPassword();
  if (fromEnv !== null) return safeEqual(password, fromEnv);
  // A server started without `npm start` (next dev, say) has no password yet: the
  // first login attempt creates it and the server log shows it.
  const { hash, generated } = await storedPasswordHash(db);
  if (generated) console.log(generatedPasswordNotice(generated));
  return verifyPassword(password, hash);
}

// ---- sessions ---------------------------------------------------------------------

interface SessionData {
  user?: string;
  /** Issue time, ms since the epoch. */
  iat?: number;
}

/**
 * The key that seals session cookies: the secret (SESSION_SECRET, else one generated
 * into the store) bound to the current password, so that changing the password or
 * deleting the stored secret ends every session. Null when no password exists yet.
 */
async function sessionKey(db: Db): Promise<string | null> {
  const fromEnv = envPassword();
  const stored = await readSettings(db, [PASSWORD_HASH_KEY, SESSION_SECRET_KEY]);
  const verifier = fromEnv !== null ? crypto.createHash("sha256").update(fromEnv, "utf8").digest("hex") : stored.get(PASSWORD_HASH_KEY);
  if (verifier === undefined) return null;
  let secret = process.env.SESSION_SECRET || null;
  if (secret !== null && secret.length < MIN_SECRET_LENGTH) throw new Error(`SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  secret ??= stored.get(SESSION_SECRET_KEY) ?? (await settingOnce(db, SESSION_SECRET_KEY, () => crypto.randomBytes(32).toString("base64url"))).value;
  return crypto.createHmac("sha256", secret).update(verifier, "utf8").digest("hex");
}

/** The first value of a possibly comma-separated forwarding header. */
function forwarded(headers: Headers, name: string): string | null {
  const value = headers.get(name)?.split(",")[0].trim();
  return value ? value : null;
}

function isHttps(request: Request): boolean {
  return forwarded(request.headers, "x-forwarded-proto")?.toLowerCase() === "https" || new URL(request.url).protocol === "https:";
}

/** Out of reach of page scripts, never sent on requests another site starts. */
function cookieAttributes(secure: boolean) {
  return { httpOnly: true, sameSite: "strict", path: "/", secure } as const;
}

function sessionOptions(key: string, secure: boolean): SessionOptions {
  return { cookieName: SESSION_COOKIE, password: key, ttl: SESSION_TTL_SECONDS, cookieOptions: cookieAttributes(secure) };
}

/** iron-session already rejects expired and tampered seals; the issue time is checked as well so that expiry does not rest on the cookie's own clock. */
function sessionUser(session: SessionData, now = Date.now()): string | null {
  if (typeof session.user !== "string" || typeof session.iat !== "number") return null;
  const age = now - session.iat;
  return age >= -60_000 && age < SESSION_TTL_SECONDS * 1000 ? session.user : null;
}

async function requestUser(request: Request): Promise<string | null> {
  const key = await sessionKey(getPrisma());
  if (key === null) return null;
  // Reading needs no response; iron-session only writes to it on save().
  return sessionUser(await getIronSession<SessionData>(request, new Response(), sessionOptions(key, false)));
}

/** Sets the session cookie for `user` on `response`. */
export async function startSession(request: Request, response: Response, user: string = ADMIN_USER): Promise<void> {
  const key = await sessionKey(getPrisma());
  if (key === null) throw new Error("no admin password exists yet");
  const session = await getIronSession<SessionData>(request, response, sessionOptions(key, isHttps(request)));
  session.user = user;
  session.iat = Date.now();
  await session.save();
}

/** Clears the session cookie on `response` (whether or not there was a session). */
export function endSession(request: Request, response: NextResponse): void {
  response.cookies.set(SESSION_COOKIE, "", { ...cookieAttributes(isHttps(request)), maxAge: 0, expires: new Date(0) });
}

/** The logged-in user in a server component (reads the request's cookies), or null. */
export async function currentUser(): Promise<string | null> {
  const store = await cookies();
  if (!store.get(SESSION_COOKIE)?.value) return null;
  const key = await sessionKey(getPrisma());
  if (key === null) return null;
  return sessionUser(await getIronSession<SessionData>(store, sessionOptions(key, false)));
}

// ---- request guards ---------------------------------------------------------------

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * 403 for a request a browser sent on behalf of another site, else null. Browsers
 * label every request with Sec-Fetch-Site and/or Origin, and a page cannot forge
 * either; a request with neither (curl, scripts) carries no ambient browser
 * credentials, so it is let through to the session check.
 */
export function refuseCrossSite(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") {
    return jsonError(403, `cross-site request refused (Sec-Fetch-Site: ${site})`);
  }
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let originHost: string | null;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    originHost = null; // "null" from sandboxed frames and file: pages
  }
  // Next's server sets x-forwarded-host from Host when a proxy has not; a cross-site
  // page cannot add it without a CORS preflight, which is never granted.
  const host = (forwarded(request.headers, "x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host).toLowerCase();
  return originHost === host ? null : jsonError(403, `cross-site request refused (Origin: ${origin})`);
}

export type Authorization = { ok: true; user: string } | { ok: false; response: Response };

/**
 * The guard of every admin route: refuses cross-site requests (when state-changing:
 * by default any method but GET, HEAD and OPTIONS) with 403, and requests without a
 * valid, unexpired session with 401.
 */
export async function authorize(request: Request, options: { stateChanging?: boolean } = {}): Promise<Authorization> {
  const stateChanging = options.stateChanging ?? !SAFE_METHODS.has(request.method.toUpperCase());
  if (stateChanging) {
    const refused = refuseCrossSite(request);
    if (refused) return { ok: false, response: refused };
  }
  const user = await requestUser(request);
  if (user === null) return { ok: false, response: jsonError(401, "log in first: no valid session") };
  return { ok: true, user };
}

// ---- login ------------------------------------------------------------------------

/**
 * The header in which scripts/serve.js hands every request its TCP peer's address,
 * named in this environment variable by serve.js itself. Next gives route handlers no
 * socket, and the X-Forwarded-For it adds is the client's own when the client sent one;
 * serve.js overwrites any copy of this header a client sent. Without serve.js (next dev,
 * next start) nobody vouches for the header, so it is not read.
 */
export const PEER_HEADER_ENV = "TENSION_PEER_HEADER";

/** TRUST_PROXY: how many reverse proxies in front of the server append to X-Forwarded-For. */
export function trustedProxyHops(value: string | undefined = process.env.TRUST_PROXY): number {
  const text = value?.trim() ?? "";
  if (text === "") return 0;
  if (!/^\d{1,2}$/.test(text)) throw new Error(`TRUST_PROXY must be the number of proxy hops to trust (0, 1, 2, …), not "${value}"`);
  return Number(text);
}

/**
 * Whom the rate limit counts: the connecting address, or with `hops` trusted proxies the
 * address that many entries from the right of [X-Forwarded-For…, peer]: each proxy
 * appends the address it was connected from, so only entries left of those are the
 * client's own writing, and those are never read. A shorter chain gives its leftmost
 * entry (a request that reached an inner proxy directly). "local" when no peer address
 * is known, so that a client can neither pick a fresh key per guess nor name another's.
 */
export function clientKey(request: Request, hops: number = trustedProxyHops()): string {
  const header = process.env[PEER_HEADER_ENV];
  const peer = header ? request.headers.get(header)?.trim() : undefined;
  if (!peer) return "local";
  const forwardedFor = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [peer, ...forwardedFor.reverse()];
  return normalizeAddress(chain[Math.min(hops, chain.length - 1)]);
}

/** One key per address however it is written; bounded, since a short chain's leftmost entry may be a client's. */
function normalizeAddress(address: string): string {
  return address
    .toLowerCase()
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1")
    .slice(0, 100);
}

export type LoginResult = { ok: true } | { ok: false; status: 401 } | { ok: false; status: 429; retryAfterSeconds: number };

/** Checks a login attempt against the rate limit and the password, recording it. */
export async function attemptLogin(db: Db, key: string, password: string, now: Date = new Date()): Promise<LoginResult> {
  const slot = await claimLoginAttempt(db, key, LOGIN_LIMIT, now);
  if (!slot.allowed) return { ok: false, status: 429, retryAfterSeconds: slot.retryAfterSeconds };
  if (!(await passwordMatches(db, password))) return { ok: false, status: 401 };
  await recordLoginSuccess(db, key, slot.id);
  return { ok: true };
}
