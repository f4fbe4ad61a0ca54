// A read-only check of what must hold in a store whatever happened to it (a process killed
// mid-write, a failed transaction, two writers at once): the database's own integrity, no rows
// pointing at nothing, the columns and counters derived from others agreeing with them, the
// chart's rollups equal to what the statements add up to, and one active weight set that
// scored every pair. `npm run check-store` runs it; the fault-injection tests run it after every
// kill. The rollups are recomputed here from the statements, not by the code that maintains them
// (lib/store/rollups.ts), so that a mistake there cannot hide itself.
import { providerOf, type Db, type DbProvider } from "./client";
import { Prisma } from "../generated/prisma/sqlite/client";
import { DYAD_SEPARATOR } from "../core/dyad";
import { periodStart } from "../core/days";
import { speakerKey } from "../ingest/merge";
import { pairScorer } from "../score";
import type { WeightSet } from "../core/types";
import { pairKey, scoringPairOf } from "./scoring";
import { TX_OPTIONS, type Tx } from "./transactions";

export type Invariant = "integrity" | "orphans" | "derived columns" | "counts" | "rollups" | "weights";

export interface Violation {
  invariant: Invariant;
  message: string;
}

export interface StoreCheck {
  violations: Violation[];
  counts: { articles: number; statements: number; sources: number; scoringPairs: number; weightSets: number };
  /** Chart days a bulk ingest queued and nothing has rebuilt yet (their rollups are not compared). */
  queuedDays: number;
}

/** Rows of a violation listed by example; the rest are counted. */
const EXAMPLES = 3;
/** Statements read at a time when matching their features to their scoring pairs. */
const STATEMENT_PAGE = 5_000;

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value);
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));

/**
 * Checks every invariant of the store; an empty `violations` list means it is sound. It reads one
 * snapshot (a read transaction, REPEATABLE READ on PostgreSQL), so writers may run meanwhile.
 */
export async function checkStore(db: Db): Promise<StoreCheck> {
  const provider = providerOf(db);
  return db.$transaction(async (tx) => {
    if (provider === "postgresql") await tx.$executeRawUnsafe(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`);
    return checkWithin(tx, provider);
  }, TX_OPTIONS);
}

async function checkWithin(db: Tx, provider: DbProvider): Promise<StoreCheck> {
  const violations: Violation[] = [];
  const found = (invariant: Invariant, message: string) => violations.push({ invariant, message });
  const count = async (query: string) => num((await db.$queryRawUnsafe<Row[]>(`SELECT COUNT(*) AS "n" FROM ${query}`))[0].n);

  await checkIntegrity(db, provider, found);

  const counts = {
    articles: await count(`"Article"`),
    statements: await count(`"Statement"`),
    sources: await count(`"StatementSource"`),
    scoringPairs: await count(`"Scoring"`),
    weightSets: await count(`"WeightSet"`),
  };

  const orphans: Array<[string, string]> = [
    [`"StatementSource" s WHERE NOT EXISTS (SELECT 1 FROM "Statement" st WHERE st."id" = s."statementId")`, "sources whose statement is missing"],
    [`"StatementSource" s WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a."id" = s."articleId")`, "sources whose article is missing"],
    [`"Statement" st WHERE NOT EXISTS (SELECT 1 FROM "StatementSource" s WHERE s."statementId" = st."id")`, "statements that no source reports"],
    [`"Statement" st WHERE NOT EXISTS (SELECT 1 FROM "Scoring" p WHERE p."scoringId" = st."scoringId")`, "statements whose scoring pair is missing"],
    [`"Scoring" p WHERE NOT EXISTS (SELECT 1 FROM "WeightSet" w WHERE w."version" = p."weightVersion")`, "scoring pairs whose weight set is missing"],
  ];
  for (const [query, what] of orphans) {
    const n = await count(query);
    if (n > 0) found("orphans", `${n} ${what}`);
  }

  await checkDerivedColumns(db, found, count);

  const counted = num((await db.$queryRawUnsafe<Row[]>(`SELECT COALESCE(SUM("statements"), 0) AS "n" FROM "StatementCount"`))[0].n);
  if (counted !== counts.statements) found("counts", `StatementCount says ${counted} statements, the table holds ${counts.statements}`);

  const queued = await db.$queryRawUnsafe<Row[]>(`SELECT DISTINCT "speakerKey", "date" FROM "RollupPending"`);
  const queuedDays = new Set(queued.map((q) => dayKey(String(q.speakerKey), String(q.date))));
  await checkRollups(db, queuedDays, found);

  await checkWeights(db, counts.weightSets, found);
  return { violations, counts, queuedDays: queuedDays.size };
}

async function checkIntegrity(db: Tx, provider: DbProvider, found: (invariant: Invariant, message: string) => void): Promise<void> {
  if (provider === "postgresql") {
    // PostgreSQL has no whole-database check short of an extension: it answering is the check.
    const [row] = await db.$queryRawUnsafe<Row[]>(`SELECT 1 AS "ok"`);
    if (num(row?.ok) !== 1) found("integrity", "PostgreSQL did not answer SELECT 1");
    return;
  }
  const results = (await db.$queryRawUnsafe<Row[]>(`PRAGMA integrity_check`)).map((r) => String(Object.values(r)[0]));
  if (results.join() !== "ok") found("integrity", `PRAGMA integrity_check: ${results.slice(0, EXAMPLES).join("; ")}`);
  const broken = await db.$queryRawUnsafe<Row[]>(`PRAGMA foreign_key_check`);
  if (broken.length > 0) {
    const tables = [...new Set(broken.map((r) => `${r.table} → ${r.parent}`))];
    found("integrity", `PRAGMA foreign_key_check: ${broken.length} rows point at missing rows (${tables.join(", ")})`);
  }
}

/** Columns kept beside the ones they are made of: the speaker's key, the sort day, the statement's scoring pair. */
async function checkDerivedColumns(db: Tx, found: (invariant: Invariant, message: string) => void, count: (query: string) => Promise<number>): Promise<void> {
  const speakers = await db.$queryRawUnsafe<Row[]>(`SELECT DISTINCT "speaker", "speakerKey" FROM "Statement"`);
  const wrongKeys = speakers.filter((r) => speakerKey(str(r.speaker)) !== String(r.speakerKey));
  if (wrongKeys.length > 0) {
    const examples = wrongKeys.slice(0, EXAMPLES).map((r) => `"${r.speaker}" keyed "${r.speakerKey}"`);
    found("derived columns", `${wrongKeys.length} speaker names with a speakerKey that is not theirs: ${examples.join(", ")}`);
  }
  const sortDays = await count(`"Statement" WHERE "sortDay" <> COALESCE("date", "dateTo", '')`);
  if (sortDays > 0) found("derived columns", `${sortDays} statements whose sortDay is not their day (date, else the end of their range)`);

  // Keyset pages: a store of a million statements is read a page of features at a time.
  const pairs = new Map((await db.$queryRawUnsafe<Row[]>(`SELECT "scoringId", "lexicon", "ruleValues" FROM "Scoring"`)).map((r) => [num(r.scoringId), pairKey({ lexicon: num(r.lexicon), ruleValues: String(r.ruleValues) })]));
  const mismatched: string[] = [];
  for (let after = ""; ; ) {
    const page = await db.$queryRaw<Row[]>(Prisma.sql`SELECT "id", "features", "scoringId" FROM "Statement" WHERE "id" > ${after} ORDER BY "id" LIMIT ${STATEMENT_PAGE}`);
    for (const row of page) {
      const features = typeof row.features === "string" ? JSON.parse(row.features) : row.features;
      const stored = pairs.get(num(row.scoringId));
      if (stored !== undefined && stored !== pairKey(scoringPairOf(features))) mismatched.push(String(row.id));
    }
    if (page.length < STATEMENT_PAGE) break;
    after = String(page[page.length - 1].id);
  }
  if (mismatched.length > 0) found("derived columns", `${mismatched.length} statements on a scoring pair that is not their features' (e.g. ${mismatched.slice(0, EXAMPLES).join(", ")})`);
}

const dayKey = (speaker: string, date: string) => `${speaker}\n${date}`;

/** A SeriesDay row: the statements of one speaker, speaker country, target and day. */
interface Day {
  speakerKey: string;
  speaker: string | null;
  speakerCountry: string | null;
  target: string | null;
  date: string;
  statements: number;
  scoreSum: number;
  scoreMin: number;
  scoreMax: number;
}

const DAY_COLUMNS = `"speakerKey", "speakerCountry", "target", "date"`;

function dayOf(r: Row): Day {
  return {
    speakerKey: String(r.speakerKey),
    speaker: str(r.speaker),
    speakerCountry: str(r.speakerCountry),
    target: str(r.target),
    date: String(r.date),
    statements: num(r.statements),
    scoreSum: num(r.scoreSum),
    scoreMin: num(r.scoreMin),
    scoreMax: num(r.scoreMax),
  };
}

type Totals = Pick<Day, "statements" | "scoreSum" | "scoreMin" | "scoreMax">;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
const sameTotals = (a: Totals, b: Totals) => a.statements === b.statements && close(a.scoreSum, b.scoreSum) && close(a.scoreMin, b.scoreMin) && close(a.scoreMax, b.scoreMax);
const shown = (x: number) => Number(x.toFixed(4));
const totals = (d: Totals) => `${d.statements} statements, sum ${shown(d.scoreSum)}, min ${shown(d.scoreMin)}, max ${shown(d.scoreMax)}`;

/**
 * SeriesDay against a fresh GROUP BY of the statements, and SeriesBucket against the weeks,
 * months and whole histories summed here from those days. Days queued for a rebuild, and the
 * periods that hold them, are left out: the dashboard says they are not charted yet.
 */
async function checkRollups(db: Tx, queued: Set<string>, found: (invariant: Invariant, message: string) => void): Promise<void> {
  const isQueued = (d: { speakerKey: string; date: string }) => queued.has(dayKey(d.speakerKey, d.date));
  const truth = (
    await db.$queryRawUnsafe<Row[]>(
      `SELECT ${DAY_COLUMNS}, MAX("speaker") AS "speaker", COUNT(*) AS "statements", SUM("score") AS "scoreSum", MIN("score") AS "scoreMin", MAX("score") AS "scoreMax"
       FROM "Statement" JOIN "Scoring" ON "Scoring"."scoringId" = "Statement"."scoringId" WHERE "date" IS NOT NULL GROUP BY ${DAY_COLUMNS}`,
    )
  ).map(dayOf);
  const stored = (await db.$queryRawUnsafe<Row[]>(`SELECT ${DAY_COLUMNS}, "speaker", "statements", "scoreSum", "scoreMin", "scoreMax" FROM "SeriesDay"`)).map(dayOf);

  const keyOf = (d: Day) => [d.speakerKey, d.speakerCountry ?? "\0", d.target ?? "\0", d.date].join("\n");
  const wanted = new Map(truth.filter((d) => !isQueued(d)).map((d) => [keyOf(d), d]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const day of stored.filter((d) => !isQueued(d))) {
    const key = keyOf(day);
    const label = `${day.speakerKey || "(no speaker)"} ${day.speakerCountry ?? "-"}→${day.target ?? "-"} on ${day.date}`;
    const expected = wanted.get(key);
    if (seen.has(key)) problems.push(`${label} has several rows`);
    else if (!expected) problems.push(`${label} has a row but no statements`);
    else if (!sameTotals(day, expected)) problems.push(`${label}: ${totals(day)}, the statements give ${totals(expected)}`);
    seen.add(key);
  }
  for (const [key, day] of wanted) if (!seen.has(key)) problems.push(`${day.speakerKey || "(no speaker)"} ${day.speakerCountry ?? "-"}→${day.target ?? "-"} on ${day.date} has statements (${totals(day)}) but no row`);
  if (problems.length > 0) found("rollups", `SeriesDay: ${problems.length} days differ from the statements: ${problems.slice(0, EXAMPLES).join("; ")}`);

  await checkBuckets(db, truth, isQueued, found);
}

/** What a chart line's period (SeriesBucket row) must hold. */
interface Bucket {
  mode: string;
  period: string;
  key: string;
  start: string;
  speakers: Set<string | null>;
  speakerKeys: Set<string>;
  countries: Set<string>;
  targets: Set<string>;
  statements: number;
  scoreSum: number;
  scoreMin: number;
  scoreMax: number;
  queued: boolean;
}

/** The distinct values' count as SeriesBucket keeps it (0, 1, 2 = several), and the only value. */
const countOf = (values: Set<string>) => Math.min(values.size, 2);
const onlyOf = (values: Set<string>) => (values.size === 1 ? [...values][0] : null);

function expectedBuckets(days: Day[], isQueued: (d: Day) => boolean): Map<string, Bucket> {
  const buckets = new Map<string, Bucket>();
  const add = (mode: string, period: string, key: string, start: string, day: Day) => {
    const id = [mode, period, key, period === "all" ? "" : start].join("\n");
    let b = buckets.get(id);
    if (!b) {
      b = { mode, period, key, start, speakers: new Set(), speakerKeys: new Set(), countries: new Set(), targets: new Set(), statements: 0, scoreSum: 0, scoreMin: Infinity, scoreMax: -Infinity, queued: false };
      buckets.set(id, b);
    }
    if (start < b.start) b.start = start;
    b.speakers.add(day.speaker);
    b.speakerKeys.add(day.speakerKey);
    if (day.speakerCountry !== null) b.countries.add(day.speakerCountry);
    if (day.target !== null) b.targets.add(day.target);
    b.statements += day.statements;
    b.scoreSum += day.scoreSum;
    b.scoreMin = Math.min(b.scoreMin, day.scoreMin);
    b.scoreMax = Math.max(b.scoreMax, day.scoreMax);
    b.queued ||= isQueued(day);
  };
  for (const day of days) {
    const lines: Array<[string, string]> = [];
    if (day.speakerKey !== "") lines.push(["speaker", day.speakerKey]);
    if (day.speakerCountry !== null && day.target !== null) lines.push(["dyad", `${day.speakerCountry}${DYAD_SEPARATOR}${day.target}`]);
    for (const [mode, key] of lines) {
      add(mode, "week", key, periodStart(day.date, "week"), day);
      add(mode, "month", key, periodStart(day.date, "month"), day);
      // A line's whole history is dated by its first month.
      add(mode, "all", key, periodStart(day.date, "month"), day);
    }
  }
  return buckets;
}

async function checkBuckets(db: Tx, days: Day[], isQueued: (d: Day) => boolean, found: (invariant: Invariant, message: string) => void): Promise<void> {
  const expected = expectedBuckets(days, isQueued);
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT "mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax" FROM "SeriesBucket"`,
  );
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const id = [r.mode, r.period, r.key, r.period === "all" ? "" : r.start].join("\n");
    const label = `${r.mode} line ${r.key}, ${r.period} ${r.period === "all" ? "" : `from ${r.start}`}`.trim();
    const b = expected.get(id);
    if (seen.has(id)) problems.push(`${label} has several rows`);
    seen.add(id);
    if (!b) {
      problems.push(`${label} has a row but no statements`);
      continue;
    }
    if (b.queued) continue;
    const stored = { statements: num(r.statements), scoreSum: num(r.scoreSum), scoreMin: num(r.scoreMin), scoreMax: num(r.scoreMax) };
    const differences: string[] = [];
    if (!sameTotals(stored, b)) differences.push(`${totals(stored)} where the statements give ${totals(b)}`);
    if (String(r.start) !== b.start) differences.push(`starts ${r.start}, not ${b.start}`);
    const speakerKeys = b.mode === "speaker" ? new Set([b.key]) : b.speakerKeys;
    if (num(r.speakers) !== countOf(speakerKeys) || str(r.speakerKey) !== onlyOf(speakerKeys)) differences.push(`speaker ${r.speakerKey}×${r.speakers}, not ${onlyOf(speakerKeys)}×${countOf(speakerKeys)}`);
    if (num(r.countries) !== countOf(b.countries) || str(r.speakerCountry) !== onlyOf(b.countries)) differences.push(`country ${r.speakerCountry}×${r.countries}, not ${onlyOf(b.countries)}×${countOf(b.countries)}`);
    if (num(r.targets) !== countOf(b.targets) || str(r.target) !== onlyOf(b.targets)) differences.push(`target ${r.target}×${r.targets}, not ${onlyOf(b.targets)}×${countOf(b.targets)}`);
    // The name shown is one of the line's spellings (the database's MAX, whose order is its collation's).
    const named = b.mode === "speaker" || speakerKeys.size === 1;
    if (named ? !b.speakers.has(str(r.speaker)) : r.speaker !== null) differences.push(`speaker name ${r.speaker}`);
    if (differences.length > 0) problems.push(`${label}: ${differences.join(", ")}`);
  }
  for (const [id, b] of expected) if (!seen.has(id) && !b.queued) problems.push(`${b.mode} line ${b.key}, ${b.period} from ${b.start} has statements but no row`);
  if (problems.length > 0) found("rollups", `SeriesBucket: ${problems.length} chart periods differ from the statements: ${problems.slice(0, EXAMPLES).join("; ")}`);
}

/** One active weight set, which scored every pair, each pair's score what those weights give. */
async function checkWeights(db: Tx, weightSets: number, found: (invariant: Invariant, message: string) => void): Promise<void> {
  const active = await db.weightSet.findMany({ where: { active: true }, select: { version: true, weights: true } });
  const pairs = await db.$queryRawUnsafe<Row[]>(`SELECT "lexicon", "ruleValues", "score", "label", "weightVersion" FROM "Scoring"`);
  if (active.length !== 1) {
    // A store nothing was ever stored in may have no weight set yet: the first ingest makes one.
    if (active.length > 1 || weightSets > 0 || pairs.length > 0) found("weights", `${active.length} active weight sets (${active.map((w) => w.version).join(", ") || "none"}), not exactly one`);
    return;
  }
  const { version, weights } = active[0];
  const stale = pairs.filter((p) => num(p.weightVersion) !== version);
  if (stale.length > 0) {
    const versions = [...new Set(stale.map((p) => num(p.weightVersion)))].sort((a, b) => a - b);
    found("weights", `${stale.length} scoring pairs scored by version ${versions.join(", ")}, not by the active version ${version}`);
  }
  const score = pairScorer(weights as unknown as WeightSet);
  const wrong = pairs.filter((p) => num(p.weightVersion) === version).filter((p) => {
    const expected = score(num(p.lexicon), String(p.ruleValues));
    return !close(expected.score, num(p.score)) || expected.label !== p.label;
  });
  if (wrong.length > 0) {
    const examples = wrong.slice(0, EXAMPLES).map((p) => `lexicon ${p.lexicon} with "${p.ruleValues}" stored as ${p.score}`);
    found("weights", `${wrong.length} scoring pairs whose score is not what version ${version}'s weights give: ${examples.join("; ")}`);
  }
}
