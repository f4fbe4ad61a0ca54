// Throwaway stores for integration tests: SQLite always (temp file, migrations from
// prisma/migrations), PostgreSQL too when TEST_POSTGRES_URL names a server we may create
// databases on, e.g. TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/postgres
//
// Every PostgreSQL store is a fresh database cloned from a template that `prisma migrate
// deploy` built once (it takes ~11 s, a clone ~0.1 s). The template is named after a hash
// of prisma/postgres/migrations, shared by all test files and runs (an advisory lock lets
// one jest worker build it while the others wait) and kept for the next run; templates of
// other migration sets are dropped when a new one is built.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { createPrisma, createTempDb, migrateDeploy, migrationFiles, useWriteAheadLog, type Db } from "../../lib/store/client";

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

const TEMPLATE_PREFIX = "tension_test_template_";
const templates = new Map<string, Promise<string>>();

async function withAdmin<T>(adminUrl: string, work: (admin: import("pg").Client) => Promise<T>): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg") as typeof import("pg");
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export function dbUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The migrated template database for the current PostgreSQL migrations, built when missing. */
function migratedTemplate(adminUrl: string): Promise<string> {
  let template = templates.get(adminUrl);
  if (!template) {
    template = buildTemplate(adminUrl);
    templates.set(adminUrl, template);
    template.catch(() => templates.delete(adminUrl)); // let the next test file's store retry
  }
  return template;
}

async function buildTemplate(adminUrl: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of migrationFiles("postgresql")) hash.update(path.basename(path.dirname(file))).update("\0").update(fs.readFileSync(file)).update("\0");
  const name = `${TEMPLATE_PREFIX}${hash.digest("hex").slice(0, 16)}`;
  return withAdmin(adminUrl, async (admin) => {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [TEMPLATE_PREFIX]);
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount) return name;
      // Built under another name and renamed when complete: a run killed mid-migration
      // leaves no template that looks ready.
      const building = `tension_test_building_${randomUUID().replace(/-/g, "")}`;
      await admin.query(`CREATE DATABASE "${building}"`);
      try {
        migrateDeploy({ env: { DATABASE_URL: dbUrl(adminUrl, building) } });
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
        // A session connected to a template makes cloning it fail.
        await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      } catch (error) {
        await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        throw error;
      }
      const stale = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE (datname LIKE 'tension\\_test\\_template\\_%' OR datname LIKE 'tension\\_test\\_building\\_%') AND datname <> $1",
        [name],
      );
      // Building ones not ours are left by killed runs (building needs the lock we hold).
      for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
      return name;
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [TEMPLATE_PREFIX]);
    }
  });
}

export async function postgresBackend(adminUrl: string): Promise<Backend> {
  const name = `tension_test_${randomUUID().replace(/-/g, "")}`;
  const clone = async () => {
    const template = await migratedTemplate(adminUrl);
    await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  };
  try {
    await clone();
  } catch (error) {
    // 3D000: the template went away (a run with other migrations on the same server replaced it).
    if ((error as { code?: string }).code !== "3D000") throw error;
    templates.delete(adminUrl);
    await clone();
  }
  return postgresStore(adminUrl, name);
}

/** The database `name` on the server, dropped by cleanup. */
function postgresStore(adminUrl: string, name: string): Backend {
  const url = dbUrl(adminUrl, name);
  const prisma = createPrisma(url);
  return {
    prisma,
    url,
    async cleanup() {
      await prisma.$disconnect();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export const backends: [string, () => Promise<Backend>][] = [["sqlite", sqliteBackend]];
if (process.env.TEST_POSTGRES_URL) backends.push(["postgresql", () => postgresBackend(process.env.TEST_POSTGRES_URL!)]);

/**
 * A store as the command-line scripts expect one: migrated by `prisma migrate deploy` (test SQLite
 * stores are created without Prisma's bookkeeping, which a script would try to add).
 */
export async function migratedStore(open: () => Promise<Backend>): Promise<Backend> {
  const backend = await open();
  if (!backend.url.startsWith("file:")) return backend;
  const file = `${backend.url.slice("file:".length)}.cli.db`;
  migrateDeploy({ env: { DATABASE_URL: file } });
  const prisma = createPrisma(`file:${file}`);
  return {
    prisma,
    url: `file:${file}`,
    async cleanup() {
      await prisma.$disconnect();
      await backend.cleanup();
    },
  };
}

/**
 * A new store holding what `backend` holds now, bookkeeping included: SQLite's VACUUM INTO (a
 * consistent copy while other connections stay open), or a PostgreSQL database cloned from it
 * (which needs every connection to it closed: `backend`'s client reconnects when next used).
 */
export async function copyOf(backend: Backend): Promise<Backend> {
  const name = `tension_test_${randomUUID().replace(/-/g, "")}`;
  if (backend.url.startsWith("file:")) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tension-copy-"));
    const file = path.join(dir, "copy.db");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require("better-sqlite3") as typeof import("better-sqlite3");
    const source = new Database(backend.url.slice("file:".length), { readonly: true });
    try {
      source.prepare("VACUUM INTO ?").run(file);
    } finally {
      source.close();
    }
    useWriteAheadLog(file);
    const prisma = createPrisma(`file:${file}`);
    return { prisma, url: `file:${file}`, cleanup: async () => (await prisma.$disconnect(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL!;
  const source = decodeURIComponent(new URL(backend.url).pathname.slice(1));
  await backend.prisma.$disconnect();
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`));
  return postgresStore(adminUrl, name);
}
