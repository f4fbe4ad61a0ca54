// Benchmark 3: a large store built from analyzed synthetic statements, re-scored with a new
// weight set, and previewed the way /admin previews unsaved weights.
import { providerOf, type Db } from "../../lib/store/client";
import { emptyFilters } from "../../lib/read/filters";
import { speakerKey } from "../../lib/ingest/merge";
import { defaultWeights } from "../../lib/score";
import { rebuildRollups } from "../../lib/store/rollups";
import { pairKey, scoringIdsOf, scoringPairOf } from "../../lib/store/scoring";
import { insertRows } from "../../lib/store/sql";
import type { Statement, WeightSet } from "../../lib/core/types";
import { previewResponseBody } from "../../lib/view/responses";
import { getActiveWeights, saveWeightSet } from "../../lib/store/weight-sets";
import { median } from "./measure";
import { addDays } from "../../lib/core/days";

const CHUNK = 500;

/** Rows per multi-row INSERT (about 2,000 parameters). */
const ROWS_PER_INSERT = 100;
/** Statements per synthetic article in the bulk store. */
const STATEMENTS_PER_ARTICLE = 5;

/**
 * Grows the store to `total` statements by copying analyzed statements (real text, features and
 * speakers) to other days: copy k of a statement is moved by a deterministic number of days.
 * Each has one source in a small synthetic article.
 */
export async function fillStore(db: Db, pool: Statement[], total: number): Promise<number> {
  const dated = pool.filter((s) => s.date);
  if (dated.length === 0) throw new Error("the statement pool has no dated statements");
  const provider = providerOf(db);
  const scoringIds = await scoringIdsOf(db, provider, dated.map((s) => scoringPairOf(s.features)), await getActiveWeights(db));
  const have = await db.statement.count();
  for (let start = have; start < total; start += CHUNK * STATEMENTS_PER_ARTICLE) {
    const end = Math.min(total, start + CHUNK * STATEMENTS_PER_ARTICLE);
    const articles = [];
    for (let a = Math.floor(start / STATEMENTS_PER_ARTICLE); a * STATEMENTS_PER_ARTICLE < end; a++) {
      articles.push({ contentHash: `bulk-${a}`, path: `bulk/${a}.txt`, title: `Bulk article ${a}`, published: null, publishedFrom: "unknown", paragraphs: [] });
    }
    await insertRows(db, provider, "Article", articles, { json: ["paragraphs"] });
    const created = await db.article.findMany({ where: { contentHash: { in: articles.map((a) => a.contentHash) } }, select: { id: true, contentHash: true } });
    const articleId = new Map(created.map((r) => [r.contentHash, r.id]));
    const statements = [];
    const sources = [];
    for (let i = start; i < end; i++) {
      const template = dated[i % dated.length];
      const copy = Math.floor(i / dated.length);
      const date = addDays(template.date!, ((copy * 37) % 541) - 270);
      const id = `bulk-${i.toString(36).padStart(6, "0")}`;
      statements.push({
        id,
        speaker: template.speaker,
        speakerKey: speakerKey(template.speaker),
        speakerCountry: template.speakerCountry,
        target: template.target,
        date,
        dateFrom: date,
        dateTo: date,
        sortDay: date,
        text: template.text,
        context: template.context,
        features: template.features as object,
        scoringId: scoringIds.get(pairKey(scoringPairOf(template.features))),
      });
      sources.push({ statementId: id, articleId: articleId.get(`bulk-${Math.floor(i / STATEMENTS_PER_ARTICLE)}`)!, quote: template.text, context: template.context, dateFrom: date, dateTo: date });
    }
    for (let i = 0; i < statements.length; i += ROWS_PER_INSERT) await insertRows(db, provider, "Statement", statements.slice(i, i + ROWS_PER_INSERT), { json: ["features"], updatedAt: true });
    for (let i = 0; i < sources.length; i += ROWS_PER_INSERT) await insertRows(db, provider, "StatementSource", sources.slice(i, i + ROWS_PER_INSERT));
  }
  await db.$transaction((tx) => rebuildRollups(tx, provider), { timeout: 10 * 60_000 });
  return db.statement.count();
}

/** The default weights with every rule weight moved: a realistic admin edit that changes most scores. */
export function editedWeights(): WeightSet {
  const base = defaultWeights();
  return { ...base, lexicon: base.lexicon * 1.5, rules: Object.fromEntries(Object.entries(base.rules).map(([rule, w]) => [rule, Math.round(w * 0.8 * 10) / 10])) };
}

/** Saves a new weight set the way /admin does: new version + re-score of every statement in one transaction. */
export async function benchRescore(db: Db): Promise<{ seconds: number; statements: number }> {
  const active = await getActiveWeights(db);
  const started = performance.now();
  const saved = await saveWeightSet(db, editedWeights(), { baseVersion: active.version, note: "benchmark", createdBy: "bench" });
  return { seconds: (performance.now() - started) / 1000, statements: saved.rescored };
}

/** The admin preview of unsaved weights over the whole store (median of `runs` after a warm-up). */
export async function benchPreview(db: Db, runs = 5): Promise<{ ms: number; statements: number }> {
  const weights = { ...editedWeights(), lexicon: 0.5 };
  const first = await previewResponseBody(db, emptyFilters(), weights);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await previewResponseBody(db, emptyFilters(), weights);
    times.push(performance.now() - started);
  }
  return { ms: median(times), statements: first.statements };
}
