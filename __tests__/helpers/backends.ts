// Throwaway stores for integration tests: SQLite always (temp file, migrations from
// prisma/migrations), PostgreSQL too when TEST_POSTGRES_URL names a server we may create
// databases on, e.g. TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres
import { randomUUID } from "node:crypto";
import { createPrisma, createTempDb, migrateDeploy, type Db } from "../../lib/db";

export interface Backend {
  prisma: Db;
  /** DATABASE_URL naming this store (for code that opens its own client, e.g. route handlers). */
  url: string;
  cleanup(): Promise<void>;
}

export async function sqliteBackend(): Promise<Backend> {
  const db = createTempDb("tension-test");
  return { prisma: db.prisma, url: `file:${db.file}`, cleanup: db.cleanup };
}

export async function postgresBackend(adminUrl: string): Promise<Backend> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg") as typeof import("pg");
  const name = `tension_test_${randomUUID().replace(/-/g, "")}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  migrateDeploy({ env: { DATABASE_URL: url.toString() } });
  const prisma = createPrisma(url.toString());
  return {
    prisma,
    url: url.toString(),
    async cleanup() {
      await prisma.$disconnect();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export const backends: [string, () => Promise<Backend>][] = [["sqlite", sqliteBackend]];
if (process.env.TEST_POSTGRES_URL) backends.push(["postgresql", () => postgresBackend(process.env.TEST_POSTGRES_URL!)]);
