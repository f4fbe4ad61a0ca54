// Database access: one Prisma client per process, talking to SQLite (default,
// data/tension.db) or PostgreSQL (DATABASE_URL=postgresql://…) through a driver
// adapter. Prisma needs a client generated per provider, so two clients are
// generated (lib/generated/prisma/{sqlite,postgres}) from the same models and the
// right one is picked here at runtime. Both expose the same API; the PostgreSQL one
// is typed as the SQLite one.
//
// This module must stay importable without the generated clients (prisma.config.ts
// imports resolveDatabase before `prisma generate` has run), so the clients are
// loaded lazily.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "../generated/prisma/sqlite/client";
import type { SqliteWriter } from "./bulk-writer";

export type Db = PrismaClient;
export type DbProvider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: DbProvider;
  /** sqlite: absolute file path (or ":memory:"); postgresql: the connection string. */
  url: string;
  /** Prisma schema and migrations folder for this provider, relative to the project root. */
  schema: string;
  migrations: string;
}

/** Default SQLite store, relative to the working directory (the project root). */
export const DEFAULT_SQLITE_FILE = path.join("data", "tension.db");

/**
 * Where the store lives, from DATABASE_URL:
 * - unset or empty → SQLite at data/tension.db
 * - postgres://… or postgresql://… → PostgreSQL
 * - file:path or a plain path → SQLite at that path (relative to the working directory,
 *   unlike Prisma's classic convention of relative to the schema file)
 */
export function resolveDatabase(url: string | undefined = process.env.DATABASE_URL, cwd: string = process.cwd()): DatabaseTarget {
  const raw = (url ?? "").trim();
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    return { provider: "postgresql", url: raw, schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && !/^file:/i.test(raw)) {
    throw new Error(`Unsupported DATABASE_URL scheme: ${raw.split(":")[0]} (use postgresql://… or a SQLite file path)`);
  }
  let file = raw.replace(/^file:(\/\/)?/i, "").replace(/\?.*$/, "");
  if (file === "") file = DEFAULT_SQLITE_FILE;
  if (file !== ":memory:") file = path.resolve(cwd, file);
  return { provider: "sqlite", url: file, schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
}

/** Creates the directory holding a SQLite file so that opening it cannot fail on a fresh clone. */
export function ensureSqliteDir(file: string): void {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
}

type AdapterFactory = {
  readonly provider: string;
  readonly adapterName: string;
  connect(): Promise<any>;
  connectToShadowDb(): Promise<any>;
};

/**
 * better-sqlite3 adapter with foreign keys enforced (SQLite leaves them off per
 * connection and the adapter does not turn them on). Used by lib/store/client.ts and by
 * prisma.config.ts for the CLI.
 */
export function sqliteAdapter(file: string): AdapterFactory {
  ensureSqliteDir(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PrismaBetterSQLite3 } = require("@prisma/adapter-better-sqlite3") as typeof import("@prisma/adapter-better-sqlite3");
  const inner = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  // A checkpoint (copying the WAL into the database, with the only sync that synchronous = NORMAL
  // makes) every 64 MB of WAL instead of SQLite's 4 MB: a bulk ingest rewrites the same index and
  // rollup pages transaction after transaction, and copies each once per checkpoint.
  const withPragmas = async (adapter: any) => {
    await adapter.executeScript("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384;");
    return adapter;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withPragmas(await inner.connect()),
    connectToShadowDb: async () => runScriptsWhole(await withPragmas(await inner.connectToShadowDb())),
  };
}

/**
 * The schema engine replays migration files on the shadow database (`migrate diff
 * --from-migrations`) through executeRaw, which better-sqlite3 restricts to one
 * statement; run parameterless multi-statement SQL as a script instead.
 */
function runScriptsWhole(adapter: any) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query: { sql: string; args: unknown[] }) => {
    if (query.args.length === 0 && /;\s*\S/.test(query.sql.replace(/--[^\n]*/g, ""))) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

/**
 * PostgreSQL adapter. A `?schema=name` parameter in the url selects the schema, as
 * with Prisma's classic urls.
 *
 * `forMigrate` (prisma.config.ts only): Prisma 6's JavaScript schema engine fails on
 * PostgreSQL catalog columns of type `name` ("Column type 'name' could not be
 * deserialized", prisma/orm#27403) because adapter-pg does not map that type. For the
 * CLI we report `name` and `"char"` columns as text, which is what their values are.
 */
export function postgresAdapter(url: string, options: { forMigrate?: boolean } = {}): AdapterFactory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PrismaPg } = require("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  const pgOptions = schema ? { schema } : undefined;
  if (!options.forMigrate) return new PrismaPg({ connectionString: parsed.toString() }, pgOptions);
  // The CLI does not close its pool: let the process exit once the pool is idle. (migrate
  // deploy still lingers a while after finishing on PostgreSQL: a timer the wasm schema
  // engine leaves behind.)
  const inner = new PrismaPg({ connectionString: parsed.toString(), allowExitOnIdle: true }, pgOptions);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => reportCatalogTypesAsText(await inner.connect()),
    // adapter-pg's own shadow database keeps the connection string, whose database
    // name wins over the shadow one, so it would replay migrations on the real
    // database: create and address the shadow database by name instead.
    connectToShadowDb: async () => {
      const main = await inner.connect();
      const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replace(/-/g, "")}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(parsed.toString());
      shadowUrl.pathname = `/${name}`;
      const shadow = reportCatalogTypesAsText(await new PrismaPg({ connectionString: shadowUrl.toString(), allowExitOnIdle: true }, pgOptions).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await dispose();
          await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await main.dispose();
        }
      };
      return shadow;
    },
  };
}

const PG_NAME = 19;
const PG_CHAR = 18;
const PG_TEXT = 25;

function reportCatalogTypesAsText<T extends object>(adapter: T): T {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) return adapter; // adapter internals changed: nothing to patch
  if (proto.__tensionCatalogTypesAsText) return adapter;
  const performIO = proto.performIO as (this: unknown, query: unknown) => Promise<{ fields?: { dataTypeID: number }[] }>;
  proto.performIO = async function (this: unknown, query: unknown) {
    const result = await performIO.call(this, query);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === PG_NAME || field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
    }
    return result;
  };
  proto.__tensionCatalogTypesAsText = true;
  return adapter;
}

export function adapterFor(target: DatabaseTarget, options: { forMigrate?: boolean } = {}): AdapterFactory {
  return target.provider === "postgresql" ? postgresAdapter(target.url, options) : sqliteAdapter(target.url);
}

const targets = new WeakMap<object, DatabaseTarget>();
const writers = new WeakMap<object, SqliteWriter>();
const bulkClients = new WeakSet<object>();

/** Which database a client talks to, for the few queries whose SQL differs (JSON functions). */
export function providerOf(db: Db): DbProvider {
  return targets.get(db)?.provider ?? "sqlite";
}

/**
 * The bulk writer (lib/store/bulk-writer.ts) of a client made with `bulkWriter` for a SQLite file,
 * opened on first use and closed with the client; otherwise null.
 */
export function sqliteWriterOf(db: Db): SqliteWriter | null {
  if (!bulkClients.has(db)) return null;
  let writer = writers.get(db);
  if (!writer) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SqliteWriter: Writer } = require("./bulk-writer") as typeof import("./bulk-writer");
    writer = new Writer(targets.get(db)!.url);
    writers.set(db, writer);
  }
  return writer;
}

export interface ClientOptions {
  /**
   * For a process that mostly writes in bulk (the ingest command, the benchmark): on a SQLite file,
   * ingest's transactions run on a connection of their own through better-sqlite3 instead of
   * through Prisma (see lib/store/bulk-writer.ts). Not for the web server: there, Prisma's own write
   * transactions run interleaved with others in one thread, and one of them waiting for the
   * writer's lock would hold up the thread the writer needs to finish.
   */
  bulkWriter?: boolean;
}

/** A new client for the given DATABASE_URL-style url (default: the environment's). Caller disconnects. */
export function createPrisma(url?: string, options: ClientOptions = {}): Db {
  const target = resolveDatabase(url);
  const adapter = adapterFor(target);
  let client: Db;
  if (target.provider === "postgresql") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PrismaClient: PgClient } = require("../generated/prisma/postgres/client") as typeof import("../generated/prisma/postgres/client");
    client = new PgClient({ adapter: adapter as any }) as unknown as Db;
  } else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { PrismaClient: SqliteClient } = require("../generated/prisma/sqlite/client") as typeof import("../generated/prisma/sqlite/client");
    client = new SqliteClient({ adapter: adapter as any });
  }
  targets.set(client, target);
  // An in-memory database is private to its connection: a second one would open another.
  if (options.bulkWriter && target.provider === "sqlite" && target.url !== ":memory:") {
    bulkClients.add(client);
    const disconnect = client.$disconnect.bind(client);
    client.$disconnect = async () => {
      writers.get(client)?.close();
      writers.delete(client);
      await disconnect();
    };
  }
  return client;
}

// Kept on globalThis so that Next's dev server (which re-evaluates modules) reuses one client.
const globalForPrisma = globalThis as unknown as { __tensionPrisma?: { key: string; client: Db } };

/** The process-wide client for DATABASE_URL (SQLite data/tension.db when unset). */
export function getPrisma(): Db {
  const key = process.env.DATABASE_URL ?? "";
  const cached = globalForPrisma.__tensionPrisma;
  if (cached && cached.key === key) return cached.client;
  const client = createPrisma(key);
  globalForPrisma.__tensionPrisma = { key, client };
  if (cached) void cached.client.$disconnect();
  return client;
}

/** Disconnects the process-wide client (if any). */
export async function disconnect(): Promise<void> {
  const cached = globalForPrisma.__tensionPrisma;
  globalForPrisma.__tensionPrisma = undefined;
  if (cached) await cached.client.$disconnect();
}

/**
 * SQL migration files for a provider in apply order (folder names start with a timestamp).
 */
export function migrationFiles(provider: DbProvider = "sqlite", root: string = process.cwd()): string[] {
  // Runs in scripts and tests only; keep Next's file tracing from following it.
  const dir = path.join(/*turbopackIgnore: true*/ root, provider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => path.join(/*turbopackIgnore: true*/ dir, name, "migration.sql"));
}

/**
 * Applies the SQLite migrations straight through better-sqlite3, without Prisma's
 * bookkeeping table: for throwaway databases (tests) only. Real stores use
 * `prisma migrate deploy` (npm run db:migrate).
 */
export function applySqliteMigrations(file: string, root: string = process.cwd()): void {
  ensureSqliteDir(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3") as typeof import("better-sqlite3");
  const db = new Database(file);
  try {
    for (const sql of migrationFiles("sqlite", root)) db.exec(fs.readFileSync(sql, "utf8"));
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

export interface TempDb {
  prisma: Db;
  file: string;
  /** Disconnects and deletes the file. */
  cleanup(): Promise<void>;
}

/**
 * A fresh, migrated SQLite database in the OS temp dir with its own client, for
 * tests: `const db = createTempDb(); … afterAll(() => db.cleanup())`.
 * Never touches data/tension.db.
 */
export function createTempDb(prefix = "tension-test"): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const file = path.join(dir, "test.db");
  applySqliteMigrations(file);
  const prisma = createPrisma(`file:${file}`);
  return {
    prisma,
    file,
    async cleanup() {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Names of migrations for the provider that the database has not applied yet (all of them when it has none). */
export async function pendingMigrations(prisma: Db, provider: DbProvider, root: string = process.cwd()): Promise<string[]> {
  const wanted = migrationFiles(provider, root).map((file) => path.basename(path.dirname(file)));
  let applied: Set<string>;
  try {
    const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    applied = new Set(); // no bookkeeping table yet
  }
  return wanted.filter((name) => !applied.has(name));
}

/**
 * Runs `prisma migrate deploy` for DATABASE_URL (the provider's schema and migrations
 * are picked by prisma.config.ts). Output is shown only on failure unless `verbose`.
 */
export function migrateDeploy(options: { verbose?: boolean; root?: string; env?: Record<string, string | undefined> } = {}): void {
  const root = options.root ?? process.cwd();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  const run = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    stdio: options.verbose ? "inherit" : "pipe",
  });
  if (run.status !== 0) {
    if (!options.verbose) process.stderr.write(`${run.stdout ?? ""}${run.stderr ?? ""}`);
    throw new Error(`prisma migrate deploy failed (exit ${run.status ?? run.signal})`);
  }
  const target = resolveDatabase({ ...process.env, ...options.env }.DATABASE_URL, root);
  if (target.provider === "sqlite") useWriteAheadLog(target.url);
}

/**
 * Puts a SQLite database in WAL mode (a property of the file, so once is enough): the
 * dashboard keeps reading while an ingest or a re-score writes. Done after migrating, not per
 * connection: Prisma's schema engine fails when a connection switches modes under it.
 */
export function useWriteAheadLog(file: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require("better-sqlite3") as typeof import("better-sqlite3");
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}

/**
 * Applies pending migrations (if any) to the database at `url` (default DATABASE_URL),
 * which `prisma` is connected to; cheap when there are none.
 */
export async function ensureMigrated(prisma: Db, url: string | undefined = process.env.DATABASE_URL, options: { verbose?: boolean } = {}): Promise<void> {
  const target = resolveDatabase(url);
  if ((await pendingMigrations(prisma, target.provider)).length === 0) return;
  migrateDeploy({ verbose: options.verbose, env: url === undefined ? {} : { DATABASE_URL: url } });
}
