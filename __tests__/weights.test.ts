// Versioned weight sets on a store holding the seed corpus: saving re-scores exactly as
// a fresh analysis would, atomically; stale saves are refused with what changed.
import { createPrisma } from "../lib/store/client";
import { analyzeBatch } from "../lib/ingest/batch";
import { defaultWeights } from "../lib/score";
import { diffWeights } from "../lib/score/weight-diff";
import { parseWeightSet } from "../lib/score/weights";
import { ingestBatch } from "../lib/store/ingest";
import { listStatements } from "../lib/store/statements";
import type { WeightSet } from "../lib/core/types";
import { getActiveWeights, listWeightSets, rollbackWeightSet, saveWeightSet, StaleVersionError, weightHistory } from "../lib/store/weight-sets";
import { backends, type Backend } from "./helpers/backends";
import { readDir } from "./helpers/analysis";
import { scoreStatements } from "../lib/score";

function tuned(): WeightSet {
  const w = defaultWeights();
  return {
    lexicon: 0.5,
    rules: Object.fromEntries(Object.entries(w.rules).map(([id, value], i) => [id, i % 2 ? value * 2 : -value])),
    thresholds: { hostile: -3, conciliatory: 2.5 },
  };
}

describe("weight set validation", () => {
  it("accepts the defaults and refuses missing, unknown, non-finite and inverted weights", () => {
    expect(parseWeightSet(defaultWeights()).ok).toBe(true);
    const w = defaultWeights();
    const [first] = Object.keys(w.rules);
    const { [first]: _dropped, ...rest } = w.rules;
    const errorsOf = (raw: unknown) => {
      const r = parseWeightSet(raw);
      return r.ok ? [] : r.errors;
    };
    expect(errorsOf({ ...w, rules: rest })).toEqual([`rules.${first}: missing weight for rule ${first}`]);
    expect(errorsOf({ ...w, rules: { ...w.rules, shouting: 1 } })).toEqual(["rules.shouting: unknown rule shouting"]);
    expect(errorsOf({ ...w, lexicon: Number.POSITIVE_INFINITY }).join()).toMatch(/^lexicon:/);
    expect(errorsOf({ ...w, thresholds: { hostile: 2, conciliatory: -2 } }).join()).toMatch(/thresholds/);
    expect(errorsOf({ ...w, extra: 1 }).join()).toMatch(/extra|Unrecognized/i);
  });

  it("diffs two sets weight by weight", () => {
    const a = defaultWeights();
    const [id] = Object.keys(a.rules);
    const b = { ...a, lexicon: 3, rules: { ...a.rules, [id]: 9 } };
    expect(diffWeights(a, b)).toEqual([
      { key: "lexicon", from: a.lexicon, to: 3 },
      { key: `rules.${id}`, from: a.rules[id], to: 9 },
    ]);
    expect(diffWeights(a, a)).toEqual([]);
  });
});

describe.each(backends)("saving weight sets on %s", (_name, open) => {
  let backend: Backend;
  const batch = analyzeBatch(readDir("seeds"));

  beforeAll(async () => {
    backend = await open();
    await ingestBatch(backend.prisma, batch);
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it("re-scores every stored statement exactly as a fresh analysis with the same weights", async () => {
    const base = await getActiveWeights(backend.prisma);
    const weights = tuned();
    const { weightSet, rescored } = await saveWeightSet(backend.prisma, weights, { baseVersion: base.version, note: "tuned", createdBy: "test" });
    const stored = await listStatements(backend.prisma, { limit: 10_000 });
    expect(rescored).toBe(stored.length);
    const fresh = new Map(scoreStatements(batch.statements, weights).map((s) => [s.id, s]));
    for (const s of stored) {
      const expected = fresh.get(s.id);
      expect(expected).toBeDefined();
      expect([s.id, s.score, s.label, s.weightVersion]).toEqual([s.id, expected!.score, expected!.label, weightSet.version]);
      expect(s.contributions.map((c) => [c.feature, c.weight, c.points])).toEqual(expected!.contributions.map((c) => [c.feature, c.weight, c.points]));
      s.contributions.forEach((c, i) => expect(c.value).toBeCloseTo(expected!.contributions[i].value, 9));
    }
    expect((await getActiveWeights(backend.prisma)).version).toBe(weightSet.version);
  });

  it("all weights 0 score every statement 0", async () => {
    const zero = defaultWeights();
    zero.lexicon = 0;
    for (const id of Object.keys(zero.rules)) zero.rules[id] = 0;
    const base = await getActiveWeights(backend.prisma);
    await saveWeightSet(backend.prisma, zero, { baseVersion: base.version });
    const stored = await listStatements(backend.prisma, { limit: 10_000 });
    expect(stored.every((s) => s.score === 0 && s.label === "neutral")).toBe(true);
  });

  it("a failure in the middle of re-scoring leaves the old version and every old score in place", async () => {
    const before = await listStatements(backend.prisma, { limit: 10_000 });
    const versionsBefore = await listWeightSets(backend.prisma);
    const active = await getActiveWeights(backend.prisma);
    let pages = 0;
    await expect(
      saveWeightSet(backend.prisma, tuned(), {
        baseVersion: active.version,
        pageSize: 10,
        afterPage: (done) => {
          pages++;
          if (done >= 20) throw new Error("disk on fire");
        },
      }),
    ).rejects.toThrow("disk on fire");
    expect(pages).toBe(2);
    expect(await listWeightSets(backend.prisma)).toEqual(versionsBefore);
    expect((await getActiveWeights(backend.prisma)).version).toBe(active.version);
    const after = await listStatements(backend.prisma, { limit: 10_000 });
    expect(after.map((s) => [s.id, s.score, s.weightVersion])).toEqual(before.map((s) => [s.id, s.score, s.weightVersion]));
  });

  it("readers never see a mix of old and new scores while a save is under way", async () => {
    const reader = createPrisma(backend.url);
    try {
      const active = await getActiveWeights(backend.prisma);
      const oldScores = (await listStatements(reader, { limit: 10_000 })).map((s) => [s.id, s.score]);
      let seenDuring: unknown[] | null = null;
      await saveWeightSet(backend.prisma, defaultWeights(), {
        baseVersion: active.version,
        pageSize: 10,
        afterPage: async (done) => {
          if (done === 20) seenDuring = (await listStatements(reader, { limit: 10_000 })).map((s) => [s.id, s.score]);
        },
      });
      expect(seenDuring).toEqual(oldScores);
      const now = await listStatements(reader, { limit: 10_000 });
      expect(now.every((s) => s.weightVersion === active.version + 1)).toBe(true);
    } finally {
      await reader.$disconnect();
    }
  });

  it("refuses a save that started from a version another save has replaced, saying what changed", async () => {
    const start = await getActiveWeights(backend.prisma);
    const theirs = { ...start.weights, lexicon: 4 };
    await saveWeightSet(backend.prisma, theirs, { baseVersion: start.version, note: "theirs", createdBy: "alice" });
    const error = await saveWeightSet(backend.prisma, { ...start.weights, lexicon: 1 }, { baseVersion: start.version }).catch((e) => e);
    expect(error).toBeInstanceOf(StaleVersionError);
    expect(error.current.version).toBe(start.version + 1);
    expect(error.current.createdBy).toBe("alice");
    expect(error.changes).toEqual([{ key: "lexicon", from: start.weights.lexicon, to: 4 }]);
    expect((await getActiveWeights(backend.prisma)).weights.lexicon).toBe(4);
  });

  it("rolls back to an old version as a new version, with history diffs", async () => {
    const active = await getActiveWeights(backend.prisma);
    const { weightSet } = await rollbackWeightSet(backend.prisma, 1, { baseVersion: active.version, createdBy: "test" });
    expect(weightSet.version).toBe(active.version + 1);
    expect(weightSet.weights).toEqual((await listWeightSets(backend.prisma))[0].weights);
    expect(weightSet.note).toBe("rollback to version 1");
    const history = await weightHistory(backend.prisma);
    expect(history[0]).toMatchObject({ version: weightSet.version, active: true });
    expect(history[0].changes).toEqual(diffWeights(active.weights, weightSet.weights));
    expect(history.filter((h) => h.active)).toHaveLength(1);
    const stored = await listStatements(backend.prisma, { limit: 10_000 });
    const fresh = new Map(scoreStatements(batch.statements, defaultWeights()).map((s) => [s.id, s.score]));
    expect(stored.every((s) => s.score === fresh.get(s.id))).toBe(true);
  });
});
