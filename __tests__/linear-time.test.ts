// Any file is analyzed in time about linear in its size, whatever its shape, and what comes out is
// bounded: a statement's text and context, each source's quote once. And merging, which no longer
// compares every pair of a speaker's reports, groups them exactly as comparing every pair does.
import { analyzeBatch, MAX_CONTEXT_CHARS, reportsOf } from "../lib/ingest/batch";
import { MAX_PARAGRAPH_CHARS, parseArticle } from "../lib/ingest/input";
import { isSameUtterance, mergeAll } from "../lib/ingest/merge";
import type { DateRange, Statement } from "../lib/core/types";
import { generateCorpus } from "../scripts/bench/corpus";
import { HOSTILE_SHAPES, hostileInput } from "../scripts/bench/hostile-inputs";

const KB = 1024;

/** The fastest of a few runs: other work on the machine only ever slows one down. */
function fastestSeconds(run: () => void, runs: number): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    run();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

const sourceKey = (source: Statement["sources"][number]) => `${source.articleHash}\u0000${source.quote}`;

beforeAll(() => {
  analyzeBatch([{ path: "warm-up.txt", bytes: hostileInput("one line", 16 * KB) }]);
});

describe.each(HOSTILE_SHAPES)("a file of %s", (shape) => {
  const half = { path: `${shape}-half.txt`, bytes: hostileInput(shape, 512 * KB) };
  const full = { path: `${shape}.txt`, bytes: hostileInput(shape, 1024 * KB) };

  test("takes about twice as long at twice the size, well within the bound at 1 MB", () => {
    let halfSeconds = Infinity;
    let fullSeconds = Infinity;
    for (let k = 0; k < 3; k++) {
      halfSeconds = Math.min(halfSeconds, fastestSeconds(() => analyzeBatch([half]), 1));
      fullSeconds = Math.min(fullSeconds, fastestSeconds(() => analyzeBatch([full]), 1));
    }
    expect(fullSeconds).toBeLessThan(20);
    expect(fullSeconds / halfSeconds).toBeLessThan(3);
  });

  test("keeps each statement's text and context bounded and each source's quote once", () => {
    const { statements } = analyzeBatch([full]);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
      for (const context of [s.context, ...s.sources.map((source) => source.context)]) expect(context.length).toBeLessThanOrEqual(MAX_CONTEXT_CHARS + 2);
      expect(new Set(s.sources.map(sourceKey)).size).toBe(s.sources.length);
    }
    if (shape === "one phrase repeated") expect(statements.flatMap((s) => s.sources).length).toBeLessThan(10);
  });
});

describe("a batch of many files naming many officials", () => {
  const files = (count: number) => Array.from({ length: count }, (_, i) => ({ path: `officials-${i}.txt`, bytes: hostileInput("many speakers", 32 * KB, i) }));
  const [half, full] = [files(16), files(32)];

  test("takes about twice as long at twice the files: officials are matched across files by index", () => {
    let halfSeconds = Infinity;
    let fullSeconds = Infinity;
    for (let k = 0; k < 2; k++) {
      halfSeconds = Math.min(halfSeconds, fastestSeconds(() => analyzeBatch(half), 1));
      fullSeconds = Math.min(fullSeconds, fastestSeconds(() => analyzeBatch(full), 1));
    }
    expect(fullSeconds / halfSeconds).toBeLessThan(3);
  });
});

/** Groups of reports (by their sources) that isSameUtterance joins, comparing every pair. */
function groupsComparingEveryPair(reports: Statement[]): string[] {
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < reports.length; i++) for (let j = i + 1; j < reports.length; j++) if (isSameUtterance(reports[i], reports[j])) parent[find(j)] = find(i);
  const groups = new Map<number, Set<string>>();
  reports.forEach((r, i) => {
    const group = groups.get(find(i)) ?? new Set<string>();
    groups.set(find(i), group);
    for (const source of r.sources) group.add(sourceKey(source));
  });
  return [...groups.values()].map((group) => [...group].sort().join("|")).sort();
}

const groupsOf = (merged: Statement[]) => merged.map((s) => s.sources.map(sourceKey).sort().join("|")).sort();

/** Reports as one day's batch makes them, without the occasion's days (which only mergeAll weighs). */
const withoutOccasion = (reports: Statement[]) => reports.map((r) => ({ ...r, sources: r.sources.map(({ dateFromOccasion: _, ...source }) => source) }));

describe("merging a batch without comparing every pair", () => {
  test("groups the synthetic corpus's reports as comparing every pair does, dated or not", () => {
    const articles = generateCorpus(300).map((a) => parseArticle(a.path, Buffer.from(a.text)));
    const reports = withoutOccasion(reportsOf(articles));
    const undated = reports.map((r) => ({ ...r, date: null, dateRange: null, sources: r.sources.map((source) => ({ ...source, dateRange: null })) }));
    for (const batch of [reports, undated]) {
      const merged = mergeAll(batch);
      expect(merged.length).toBeLessThan(batch.length);
      expect(groupsOf(merged)).toEqual(groupsComparingEveryPair(batch));
    }
  });

  test("groups reports of few words, stopwords only, repeats and many days as comparing every pair does", () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    const stopwords = "we will not the of our to me a and it is".split(" ");
    const words = "border talks defend every inch land very sick honour honor we're ready sounds good fine idea cordial respectful “very sick” never".split(" ");
    const days: (DateRange | null)[] = [null, { from: "2026-03-01", to: "2026-03-01" }, { from: "2026-03-02", to: "2026-03-02" }, { from: "2026-03-01", to: "2026-03-07" }, { from: "2026-03-12", to: "2026-03-12" }];
    const phrase = (length: number, vocabulary: string[]) => Array.from({ length }, () => pick(vocabulary)).join(" ");
    const texts = Array.from({ length: 150 }, (_, i) => (i % 3 === 0 ? phrase(2 + Math.floor(random() * 3), stopwords) : phrase(1 + Math.floor(random() * 6), random() < 0.5 ? words : [...words, ...stopwords])));
    const reports: Statement[] = Array.from({ length: 400 }, (_, i) => {
      const text = pick(texts);
      const dateRange = pick(days);
      const source = { path: `a${i % 9}.txt`, articleHash: `hash${i % 9}`, quote: text, context: text, dateRange, published: pick([null, "2026-03-01", "2026-03-08"]), direct: random() < 0.5 };
      return { id: `r${i}`, text, speaker: pick(["Anton Vasek", "Lina Oduya", "Ines Marr"]), speakerCountry: null, target: null, date: null, dateRange, context: text, sources: [source], features: { lexicon: 0, hits: [] } };
    });
    const merged = mergeAll(reports);
    expect(merged.length).toBeLessThan(reports.length * 0.75);
    expect(groupsOf(merged)).toEqual(groupsComparingEveryPair(reports));
  });
});
