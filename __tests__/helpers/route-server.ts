// The app's login and upload route handlers (POST /api/login, POST /api/articles) served over
// HTTP by node:http, run under tsx by __tests__/faults.test.ts as a server to kill mid-upload.
// The handlers are the ones `next start` calls, handed a NextRequest as Next.js hands them over
// (its signal aborts when the client goes away), so what a killed server leaves in the store
// is theirs; a production build is not needed. Before serving it does what `npm start` does
// first: migrate, and rebuild the chart days an interrupted ingest left queued.
// Prints "listening on PORT" once it accepts connections.
import http from "node:http";
import { NextRequest } from "next/server";
import { POST as login } from "../../app/api/login/route";
import { POST as upload } from "../../app/api/articles/route";
import { ensureMigrated, getPrisma } from "../../lib/store/client";
import { catchUpChart } from "../../scripts/start";

const routes: Record<string, (request: NextRequest) => Promise<Response>> = { "/api/login": login, "/api/articles": upload };

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const route = req.method === "POST" ? routes[req.url ?? ""] : undefined;
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const client = new AbortController();
  res.on("close", () => res.writableFinished || client.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const response = await route(new NextRequest(new URL(req.url!, `http://${req.headers.host}`), { method: "POST", headers, body: Buffer.concat(chunks), signal: client.signal }));
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function main(): Promise<void> {
  const prisma = getPrisma();
  await ensureMigrated(prisma);
  await catchUpChart(prisma);
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => res.writeHead(500).end(String(error)));
  });
  server.listen(0, "127.0.0.1", () => console.log(`listening on ${(server.address() as { port: number }).port}`));
}

void main();
