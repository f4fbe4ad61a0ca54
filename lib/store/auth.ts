// The admin layer's state in the store rather than in process memory, so that any
// number of web replicas agree on the password hash, the session secret and the
// login rate limit.
import type { Db } from "./client";

/**
 * The setting's value, creating it with `make()` when absent. Of concurrent first
 * callers exactly one inserts (the key is the primary key); the others read the
 * winner's value back, so a replica never works with a value nobody else knows.
 */
export async function settingOnce(db: Db, key: string, make: () => string | Promise<string>): Promise<{ value: string; created: boolean }> {
  const existing = await db.setting.findUnique({ where: { key } });
  if (existing) return { value: existing.value, created: false };
  const value = await make();
  try {
    await db.setting.create({ data: { key, value } });
    return { value, created: true };
  } catch (e) {
    const winner = await db.setting.findUnique({ where: { key } });
    if (winner) return { value: winner.value, created: false };
    throw e;
  }
}

export async function readSettings(db: Db, keys: string[]): Promise<Map<string, string>> {
  const rows = await db.setting.findMany({ where: { key: { in: keys } } });
  return new Map(rows.map((r) => [r.key, r.value]));
}

export interface LoginLimit {
  /** Failed attempts allowed per key within the window. */
  failures: number;
  windowMs: number;
}

export type AttemptSlot = { allowed: true; id: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Claims a slot for one login attempt by `key`. The attempt is written as a failure
 * before the password is checked and counted afterwards, so that a burst of parallel
 * guesses (on one replica or many) cannot all pass a check made before any of them
 * was recorded. A refused attempt is removed again: being refused must not extend
 * the lockout. Rows older than the window are pruned on the way.
 */
export async function claimLoginAttempt(db: Db, key: string, limit: LoginLimit, now: Date = new Date()): Promise<AttemptSlot> {
  const since = new Date(now.getTime() - limit.windowMs);
  await db.loginAttempt.deleteMany({ where: { at: { lt: since } } });
  const attempt = await db.loginAttempt.create({ data: { key, at: now, ok: false } });
  const failures = await db.loginAttempt.findMany({
    where: { key, ok: false, at: { gte: since } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true },
  });
  const others = failures.filter((f) => f.id !== attempt.id);
  if (others.length < limit.failures) return { allowed: true, id: attempt.id };
  await db.loginAttempt.delete({ where: { id: attempt.id } });
  // The key may try again once enough of its failures have left the window.
  const lifting = others[others.length - limit.failures];
  const retryAfterSeconds = Math.max(1, Math.ceil((lifting.at.getTime() + limit.windowMs - now.getTime()) / 1000));
  return { allowed: false, retryAfterSeconds };
}

/** The claimed attempt succeeded: it stops counting, and so do the key's earlier failures. */
export async function recordLoginSuccess(db: Db, key: string, id: number): Promise<void> {
  await db.$transaction([
    db.loginAttempt.update({ where: { id }, data: { ok: true } }),
    db.loginAttempt.deleteMany({ where: { key, ok: false } }),
  ]);
}
