// Bulk writes to a SQLite store through better-sqlite3 itself, on a connection of their own.
//
// Ingest runs a few dozen raw SQL statements per batch, several with a JSON parameter of tens or
// hundreds of kilobytes. Through Prisma each such call costs far more than SQLite's own work: the
// client hands the query and its parameters to its query compiler and back as JSON, and the
// adapter prepares every statement anew, so that a bulk ingest spends much of its time there.
// The same SQL runs here, with prepared statements kept per text.
//
// The writer has its own connection, as another process would: SQLite admits one writer at a
// time and lets readers (Prisma's connection included) keep their snapshot, so nothing here has
// to share Prisma's connection or its transaction. Transactions of one writer run one after the
// other. Only clients made for bulk writing have one (lib/store/client.ts createPrisma's `bulkWriter`).
import Database from "better-sqlite3";
import type { Prisma } from "../generated/prisma/sqlite/client";

/** The raw-SQL part of a Prisma transaction client, which the ingest code is written against. */
export interface RawTx {
  $queryRaw<T = unknown>(query: Prisma.Sql): Promise<T>;
  $executeRaw(query: Prisma.Sql): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** Distinct SQL texts kept prepared (IN lists make a few hundred shapes). */
const STATEMENTS_KEPT = 1_000;

/** better-sqlite3 binds no booleans; Prisma binds them as SQLite stores them. */
function bindable(value: unknown): unknown {
  return typeof value === "boolean" ? Number(value) : value;
}

export class SqliteWriter {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.db = new Database(file, { timeout: 10_000 });
    // As on Prisma's connections (lib/store/client.ts sqliteAdapter).
    this.db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 16384;");
  }

  private prepared(query: string): Database.Statement {
    let statement = this.statements.get(query);
    if (!statement) {
      if (this.statements.size >= STATEMENTS_KEPT) this.statements.clear();
      statement = this.db.prepare(query);
      this.statements.set(query, statement);
    }
    return statement;
  }

  /** The rows a statement returns, and how many rows a statement without any changed. */
  private run(query: string, values: unknown[]): { rows: unknown[]; changes: number } {
    const statement = this.prepared(query);
    const bound = values.map(bindable);
    if (statement.reader) {
      const rows = statement.all(...bound);
      return { rows, changes: rows.length };
    }
    return { rows: [], changes: statement.run(...bound).changes };
  }

  private readonly tx: RawTx = {
    $queryRaw: async <T>(query: Prisma.Sql) => this.run(query.sql, query.values).rows as T,
    $executeRaw: async (query: Prisma.Sql) => this.run(query.sql, query.values).changes,
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => this.run(query, values).rows as T,
    $executeRawUnsafe: async (query: string, ...values: unknown[]) => this.run(query, values).changes,
  };

  /**
   * Runs `work` in one write transaction, begun IMMEDIATE so that it waits for (rather than fails
   * on) another writer; a throw rolls it back.
   */
  transaction<T>(work: (tx: RawTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(this.tx);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.db.close();
  }
}
