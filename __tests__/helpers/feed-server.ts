// A local news site for the watcher's tests, on 127.0.0.1: RSS and Atom feeds whose items can
// change between polls (answering conditional GETs with 304 while they do not), article pages,
// redirects, a page that never answers and a feed that always fails. Every request is logged
// with its time and headers.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface LoggedRequest {
  path: string;
  at: number;
  headers: http.IncomingHttpHeaders;
}

export interface Article {
  title: string;
  day: string;
  paragraphs: string[];
}

/** A page whose article Readability finds: a headline, a day and the paragraphs. */
export function articlePage(a: Article): string {
  return `<!doctype html><html><head><title>${a.title}</title><meta property="article:published_time" content="${a.day}T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${a.title}</h1>${a.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article><footer>Local Herald</footer></body></html>`;
}

/** A report of Norway and Sweden with one quote of `speaker`, its words `words`. */
export function report(n: number, speaker: string, words: string, day = "2026-03-0" + ((n % 9) + 1)): Article {
  return {
    title: `Talks between Norway and Sweden, day ${n}`,
    day,
    paragraphs: [
      `${speaker}, the foreign minister of Norway, spoke about Sweden on Tuesday after a long meeting in the capital, the ${n}th such meeting this year, which officials of both governments attended.`,
      `"${words}," ${speaker.split(" ").pop()} told reporters after the meeting with the delegation of Sweden on Tuesday.`,
      `The two countries have held regular talks on fishing rights, border crossings and energy trade for several years, and further meetings are planned for the spring and the summer, officials said.`,
    ],
  };
}

interface FeedItem {
  path: string;
  title: string;
}

export class FeedSite {
  readonly requests: LoggedRequest[] = [];
  readonly pages = new Map<string, string>();
  readonly redirects = new Map<string, string>();
  rssItems: FeedItem[] = [];
  atomItems: FeedItem[] = [];
  rssVersion = 1;
  atomModified = new Date("2026-03-01T10:00:00Z");
  private server: http.Server | null = null;
  private hanging: http.ServerResponse[] = [];
  origin = "";

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Requests made for `path`. */
  hits(path: string): LoggedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url ?? "/";
    this.requests.push({ path, at: Date.now(), headers: req.headers });
    const redirect = this.redirects.get(path);
    if (redirect) return void res.writeHead(302, { Location: redirect }).end();
    if (path === "/rss.xml") return this.rss(req, res);
    if (path === "/atom.xml") return this.atom(req, res);
    if (path === "/broken.xml") return void res.writeHead(500, { "Content-Type": "text/plain" }).end("down for maintenance");
    if (path === "/slow.html") return void this.hanging.push(res); // never answered
    const page = this.pages.get(path);
    if (page) return void res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  }

  private rss(req: http.IncomingMessage, res: http.ServerResponse): void {
    const etag = `"rss-${this.rssVersion}"`;
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { ETag: etag }).end();
    const items = this.rssItems.map((i) => `<item><title>${i.title}</title><link>${this.url(i.path)}</link><guid>${this.url(i.path)}</guid><pubDate>Tue, 03 Mar 2026 09:00:00 GMT</pubDate></item>`);
    res.writeHead(200, { "Content-Type": "application/rss+xml; charset=utf-8", ETag: etag });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Herald</title><link>${this.origin}/</link><description>News</description>${items.join("")}</channel></rss>`);
  }

  private atom(req: http.IncomingMessage, res: http.ServerResponse): void {
    const modified = this.atomModified.toUTCString();
    const since = req.headers["if-modified-since"];
    if (since && new Date(since).getTime() >= this.atomModified.getTime()) return void res.writeHead(304, { "Last-Modified": modified }).end();
    const entries = this.atomItems.map(
      (i) => `<entry><title>${i.title}</title><link rel="alternate" href="${i.path}"/><id>tag:herald,${i.path}</id><updated>2026-03-03T09:00:00Z</updated></entry>`,
    );
    res.writeHead(200, { "Content-Type": "application/atom+xml", "Last-Modified": modified });
    res.end(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Herald Atom</title><id>tag:herald</id><updated>2026-03-03T09:00:00Z</updated><link href="${this.origin}/"/>${entries.join("")}</feed>`);
  }
}
