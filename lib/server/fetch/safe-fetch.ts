// Fetching one document from an address a user gave: an HTTP(S) GET with a deadline over the
// whole exchange, a size limit on the body as received and as decompressed, a check of its
// content type and at most a few redirects, each refused with its own error. Every connection,
// the first and each redirect's, is checked against the addresses the server must not reach
// (./address.ts) after DNS resolution and before connecting, unless ALLOW_PRIVATE_FETCH is set.
// Node's http/https rather than fetch: their `lookup` hook is where the resolved address can
// be checked before connecting, so a name cannot resolve to one address for a check and to
// another for the connection.
import dns from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import zlib from "node:zlib";
import type { Readable } from "node:stream";
import { refusedAddressKind } from "./address";

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/** Content types of a web page. */
export const HTML_CONTENT_TYPES = ["text/html", "application/xhtml+xml"];

export type FetchErrorKind =
  | "invalid-url"
  | "refused-address"
  | "dns"
  | "timeout"
  | "too-large"
  | "content-type"
  | "too-many-redirects"
  | "http-status"
  | "network"
  | "aborted";

/** A fetch that failed; `message` says why in words a user can act on, naming the address. */
export class FetchError extends Error {
  readonly url: string;
  readonly kind: FetchErrorKind;
  constructor(url: string, kind: FetchErrorKind, reason: string) {
    super(`${url}: ${reason}`);
    this.name = "FetchError";
    this.url = url;
    this.kind = kind;
  }
}

export interface FetchOptions {
  /** For the whole exchange: every redirect and the body. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes, both as sent and decompressed. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Accepted content types (without parameters); default HTML_CONTENT_TYPES. */
  contentTypes?: string[];
  /** Extra request headers, such as If-None-Match for a conditional request. */
  headers?: Record<string, string>;
  /** Default: whether ALLOW_PRIVATE_FETCH is set in the environment. */
  allowPrivate?: boolean;
  /** Which addresses may be connected to; default refusedAddressKind unless allowPrivate. Returns why not, or null. */
  refuseAddress?: (address: string) => string | null;
  signal?: AbortSignal;
}

export interface FetchedDocument {
  /** The address asked for. */
  requestedUrl: string;
  /** The address the body came from, after redirects. */
  url: string;
  status: number;
  /** true for a 304 answer to a conditional request: no body. */
  notModified: boolean;
  /** Without parameters, lower case; "" when the server sent none. */
  contentType: string;
  headers: IncomingMessage["headers"];
  /** The body as received, decompressed. */
  bytes: Buffer;
  /** The body decoded with its declared character set (UTF-8 by default). */
  text: string;
  /** Each address redirected to, in order. */
  redirects: string[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = "TensionIndex/0.1 (fetches single pages on a user's request)";

function envAllowsPrivate(): boolean {
  const v = process.env.ALLOW_PRIVATE_FETCH;
  return v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(2))} MB` : `${bytes} bytes`;
}

/** A DNS lookup that fails when any address the name resolves to is refused. */
function checkedLookup(url: string, refuse: (address: string) => string | null): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as dns.LookupAddress[];
      for (const a of list) {
        const kind = refuse(a.address);
        if (kind !== null) {
          return callback(new FetchError(url, "refused-address", `${hostname} resolves to ${a.address}, a ${kind} address, which the server does not fetch from (set ALLOW_PRIVATE_FETCH to allow)`), "", 0);
        }
      }
      if (list.length === 0) return callback(new FetchError(url, "dns", `${hostname} resolves to no address`), "", 0);
      if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}

function parseHttpUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError(raw, "invalid-url", "not a valid address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError(url.href, "invalid-url", `only http and https addresses can be fetched (got ${url.protocol.replace(/:$/, "")})`);
  if (url.username || url.password) throw new FetchError(url.href, "invalid-url", "addresses with a user name or password are not fetched");
  return url;
}

function request(url: URL, options: { headers: Record<string, string>; lookup: LookupFunction; signal: AbortSignal }): Promise<IncomingMessage> {
  const get = url.protocol === "https:" ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: options.headers, lookup: options.lookup, signal: options.signal }, resolve);
    req.on("error", reject);
  });
}

function decompressed(response: IncomingMessage): Readable {
  const encoding = String(response.headers["content-encoding"] ?? "").trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return response.pipe(zlib.createGunzip());
  if (encoding === "deflate") return response.pipe(zlib.createInflate());
  if (encoding === "br") return response.pipe(zlib.createBrotliDecompress());
  return response;
}

async function readBody(url: string, response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FetchError(url, "too-large", `the page is ${megabytes(declared)}, more than the ${megabytes(maxBytes)} limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = decompressed(response);
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        response.destroy();
        stream.destroy();
        throw new FetchError(url, "too-large", `the page is larger than the ${megabytes(maxBytes)} limit`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if ((error as { code?: string }).code?.startsWith("Z_")) throw new FetchError(url, "network", `the page's compressed body is corrupt (${(error as Error).message})`);
    throw error;
  }
  return Buffer.concat(chunks);
}

/** The character set a body declares: in its Content-Type, else in a <meta> or an XML declaration near its start. */
export function declaredCharset(contentTypeHeader: string, bytes: Buffer): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentTypeHeader)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = bytes.subarray(0, 2048).toString("latin1");
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  return (fromMeta ?? "utf-8").toLowerCase();
}

/** `bytes` decoded as `charset`, or as UTF-8 when that character set is unknown; no byte order mark. */
export function decodeBody(bytes: Buffer, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes).replace(/^\uFEFF/, "");
}

function describeNetworkError(url: string, error: unknown): FetchError {
  if (error instanceof FetchError) return error;
  const e = error as NodeJS.ErrnoException & { cause?: unknown };
  if (e.cause instanceof FetchError) return e.cause;
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return new FetchError(url, "dns", `the host name ${new URL(url).hostname} could not be resolved`);
  if (e.code === "ECONNREFUSED") return new FetchError(url, "network", "the server refused the connection");
  if (e.code === "ECONNRESET") return new FetchError(url, "network", "the server closed the connection");
  if (e.code?.startsWith("ERR_TLS") || e.code?.includes("CERT")) return new FetchError(url, "network", `the secure connection failed (${e.code})`);
  return new FetchError(url, "network", `the page could not be fetched (${e.code ?? e.message})`);
}

/**
 * GETs `address`, following redirects; resolves with the body, or rejects with a FetchError whose
 * kind and message say what went wrong: an invalid address, a refused (loopback, private,
 * link-local) address, a host that does not resolve, no complete answer within the time limit,
 * a body over the size limit, a content type not accepted, too many redirects, an HTTP error
 * status, or a network failure.
 */
export async function safeFetch(address: string, options: FetchOptions = {}): Promise<FetchedDocument> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const accepted = options.contentTypes ?? HTML_CONTENT_TYPES;
  const refuse = options.refuseAddress ?? ((options.allowPrivate ?? envAllowsPrivate()) ? () => null : refusedAddressKind);
  const timer = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timer, options.signal]) : timer;
  const headers = { "user-agent": USER_AGENT, accept: `${accepted.join(", ")};q=1, */*;q=0.1`, "accept-encoding": "gzip, deflate, br", ...options.headers };

  const first = parseHttpUrl(address);
  let url = first;
  const redirects: string[] = [];
  for (;;) {
    const here = url.href;
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // A literal IP address is connected to without a lookup, so it is checked here.
    if (isIP(host) !== 0) {
      const kind = refuse(host);
      if (kind !== null) throw new FetchError(here, "refused-address", `${host} is a ${kind} address, which the server does not fetch from (set ALLOW_PRIVATE_FETCH to allow)`);
    }
    let response: IncomingMessage;
    try {
      response = await request(url, { headers, lookup: checkedLookup(here, refuse), signal });
    } catch (error) {
      throw failure(here, error, timer, timeoutMs, options.signal);
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && location) {
      response.resume();
      if (redirects.length >= maxRedirects) throw new FetchError(first.href, "too-many-redirects", `more than ${maxRedirects} redirects (the last to ${new URL(location, url).href})`);
      url = parseHttpUrl(location, url.href);
      redirects.push(url.href);
      continue;
    }
    const contentType = String(response.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    const base = { requestedUrl: first.href, url: here, status, contentType, headers: response.headers, redirects };
    if (status === 304) {
      response.resume();
      return { ...base, notModified: true, bytes: Buffer.alloc(0), text: "" };
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw new FetchError(here, "http-status", `the server answered HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}`);
    }
    if (!accepted.includes(contentType)) {
      response.destroy();
      throw new FetchError(here, "content-type", `the server sent ${contentType || "no content type"}, not ${accepted.join(" or ")}`);
    }
    let bytes: Buffer;
    try {
      bytes = await readBody(here, response, maxBytes);
    } catch (error) {
      throw failure(here, error, timer, timeoutMs, options.signal);
    }
    return { ...base, notModified: false, bytes, text: decodeBody(bytes, declaredCharset(String(response.headers["content-type"] ?? ""), bytes)) };
  }
}

function failure(url: string, error: unknown, timer: AbortSignal, timeoutMs: number, caller?: AbortSignal): FetchError {
  if (error instanceof FetchError) return error;
  if (timer.aborted) return new FetchError(url, "timeout", `no complete answer within ${seconds(timeoutMs)}`);
  if (caller?.aborted) return new FetchError(url, "aborted", "the fetch was cancelled");
  return describeNetworkError(url, error);
}
