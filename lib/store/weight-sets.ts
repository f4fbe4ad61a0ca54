// Versioned weight sets: the active one scores what is stored, every version stays to explain
// the scores it gave. Saving a new version re-scores every stored statement in the
// same transaction, so readers see all old scores or all new ones, never a mix, and a
// failure leaves the old version active. A save names the version it started from;
// if another save landed in between it is refused with what changed.
import { providerOf, type Db } from "./client";
import { diffWeights, type WeightChange } from "../score/weight-diff";
import { withDefaultWeights } from "../score/weights";
import { defaultWeights } from "../score";
import type { WeightSet } from "../core/types";
import { rescoreWithin, tidyAfterRescore } from "./rescore";
import { json, rowToWeights, type StoredWeightSet } from "./rows";
import { TX_OPTIONS, type Tx } from "./transactions";

/** The save started from a version that is no longer the active one. */
export class StaleVersionError extends Error {
  constructor(
    readonly baseVersion: number,
    readonly current: StoredWeightSet,
    readonly changes: WeightChange[],
  ) {
    super(`version ${baseVersion} is no longer current: version ${current.version} was saved since`);
    this.name = "StaleVersionError";
  }
}

export class UnknownVersionError extends Error {
  constructor(readonly version: number) {
    super(`there is no weight set version ${version}`);
    this.name = "UnknownVersionError";
  }
}

export interface SaveOptions {
  /** The active version the edit started from. */
  baseVersion: number;
  note?: string;
  createdBy?: string;
  /** Runs after each page of re-scored pairs (Scoring rows), with how many so far (tests inject failures here). */
  afterPage?: (done: number) => void | Promise<void>;
  pageSize?: number;
}

export interface SaveResult {
  weightSet: StoredWeightSet;
  rescored: number;
}

/**
 * The active weight set. When the store has none yet, version 1 is created from
 * defaultWeights() and activated; when sets exist but none is active, the newest is
 * returned.
 */
export async function getActiveWeights(prisma: Db): Promise<StoredWeightSet> {
  const active = await prisma.weightSet.findFirst({ where: { active: true }, orderBy: { version: "desc" } });
  if (active) return rowToWeights(active);
  const newest = await prisma.weightSet.findFirst({ orderBy: { version: "desc" } });
  if (newest) return rowToWeights(newest);
  try {
    const created = await prisma.weightSet.create({
      data: { version: 1, weights: json(defaultWeights()), note: "default weights", createdBy: "system", active: true },
    });
    return rowToWeights(created);
  } catch (e) {
    // Another process created it first.
    if (!isUniqueViolation(e)) throw e;
    return getActiveWeights(prisma);
  }
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

export async function listWeightSets(prisma: Db): Promise<StoredWeightSet[]> {
  return (await prisma.weightSet.findMany({ orderBy: { version: "asc" } })).map(rowToWeights);
}

/** Every stored weight set by version (a small table): what explains each statement's score. */
export async function weightSetsByVersion(prisma: Db): Promise<Map<number, WeightSet>> {
  return new Map((await prisma.weightSet.findMany({ select: { version: true, weights: true } })).map((r) => [r.version, withDefaultWeights(r.weights as unknown as WeightSet)]));
}

/** Stores `weights` as the next version (active unless activate is false), scoring nothing. */
export async function createWeightSet(
  prisma: Db,
  weights: WeightSet,
  options: { note?: string; createdBy?: string; activate?: boolean } = {},
): Promise<StoredWeightSet> {
  return prisma.$transaction((tx) => insertNextVersion(tx, weights, { ...options, activate: options.activate ?? true }), TX_OPTIONS);
}

/**
 * Re-scores stored statements from their stored features with `weights` (default:
 * the active set), in one transaction. Only statements scored by another version are
 * touched unless `all` is set. Returns how many were updated.
 */
export async function rescoreStatements(prisma: Db, options: { weights?: StoredWeightSet; all?: boolean } = {}): Promise<number> {
  const weights = options.weights ?? (await getActiveWeights(prisma));
  const rescored = await prisma.$transaction((tx) => rescoreWithin(tx, weights, { all: options.all, provider: providerOf(prisma) }), TX_OPTIONS);
  await tidyAfterRescore(prisma, rescored);
  return rescored;
}

/** Stores `weights` as the next version, makes it active and re-scores every statement, atomically. */
export async function saveWeightSet(db: Db, weights: WeightSet, options: SaveOptions): Promise<SaveResult> {
  await getActiveWeights(db); // a store that never had a weight set gets version 1 first
  const saved = await db.$transaction(async (tx) => {
    const active = await tx.weightSet.findFirst({ where: { active: true }, orderBy: { version: "desc" } });
    if (!active) throw new Error("no active weight set");
    if (active.version !== options.baseVersion) {
      const base = await tx.weightSet.findUnique({ where: { version: options.baseVersion } });
      const current = rowToWeights(active);
      throw new StaleVersionError(options.baseVersion, current, base ? diffWeights(rowToWeights(base).weights, current.weights) : []);
    }
    const created = await insertNextVersion(tx, weights, { note: options.note, createdBy: options.createdBy, activate: true });
    const rescored = await rescoreWithin(tx, created, { all: true, afterPage: options.afterPage, pageSize: options.pageSize, provider: providerOf(db) });
    return { weightSet: created, rescored };
  }, TX_OPTIONS);
  await tidyAfterRescore(db, saved.rescored);
  return saved;
}

/** Makes an old version's weights active again, as a new version (history is never rewritten). */
export async function rollbackWeightSet(db: Db, version: number, options: Omit<SaveOptions, "note"> & { note?: string }): Promise<SaveResult> {
  const old = await db.weightSet.findUnique({ where: { version } });
  if (!old) throw new UnknownVersionError(version);
  return saveWeightSet(db, rowToWeights(old).weights, { ...options, note: options.note || `rollback to version ${version}` });
}

/** Inserts `weights` as the version after the newest, inside the caller's transaction; `activate` deactivates the others. */
async function insertNextVersion(tx: Tx, weights: WeightSet, options: { note?: string; createdBy?: string; activate: boolean }): Promise<StoredWeightSet> {
  const newest = await tx.weightSet.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  if (options.activate) await tx.weightSet.updateMany({ where: { active: true }, data: { active: false } });
  const row = await tx.weightSet.create({
    data: {
      version: (newest?.version ?? 0) + 1,
      weights: json(weights),
      note: options.note ?? "",
      createdBy: options.createdBy ?? "system",
      active: options.activate,
    },
  });
  return rowToWeights(row);
}

export interface HistoryEntry {
  version: number;
  createdAt: string;
  createdBy: string;
  note: string;
  active: boolean;
  /** What this version changed relative to the version before it (empty for the first). */
  changes: WeightChange[];
}

/** Every version, newest first, each with its changes from the one before. */
export async function weightHistory(db: Db): Promise<HistoryEntry[]> {
  const rows = (await db.weightSet.findMany({ orderBy: { version: "asc" } })).map(rowToWeights);
  const entries = rows.map((row, i) => ({
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    note: row.note,
    active: row.active,
    changes: i === 0 ? [] : diffWeights(rows[i - 1].weights, row.weights),
  }));
  return entries.reverse();
}
