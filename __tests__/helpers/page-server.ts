// A web server of a test's own on 127.0.0.1: each path answers with a fixed page, any other
// path is a 404. Fetches in tests reach it (with ALLOW_PRIVATE_FETCH) and nothing outside.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface PageAnswer {
  body: string | Buffer;
  /** Default text/html; charset=utf-8. */
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

export interface PageServer {
  /** "http://127.0.0.1:<port>" */
  base: string;
  /** The path of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** One of the invented pages of __tests__/pages/. */
export function fixturePage(name: string): Buffer {
  return fs.readFileSync(path.join(__dirname, "..", "pages", name));
}

export async function startPageServer(pages: Record<string, PageAnswer>): Promise<PageServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const at = req.url ?? "/";
    requests.push(at);
    const answer = pages[at];
    if (!answer) {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<html><body>not here</body></html>");
      return;
    }
    res.writeHead(answer.status ?? 200, { "content-type": answer.type ?? "text/html; charset=utf-8", ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
