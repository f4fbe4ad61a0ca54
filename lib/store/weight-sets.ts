// Versioned weight sets: saving a new version re-scores every stored statement in the
// same transaction, so readers see all old scores or all new ones, never a mix, and a
// failure leaves the old version active. A save names the version it started from;
// if another save landed in between it is refused with what changed.
import { providerOf, type Db } from "./client";
import { diffWeights, type WeightChange } from "../score/weight-diff";
import { getActiveWeights, rescoreWithin, rowToWeights, tidyAfterRescore, TX_OPTIONS, type StoredWeightSet } from "./store";
import type { WeightSet } from "../core/types";

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
    const newest = await tx.weightSet.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    await tx.weightSet.updateMany({ where: { active: true }, data: { active: false } });
    const created = rowToWeights(
      await tx.weightSet.create({
        data: {
          version: (newest?.version ?? 0) + 1,
          weights: weights as object,
          note: options.note ?? "",
          createdBy: options.createdBy ?? "system",
          active: true,
        },
      }),
    );
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
