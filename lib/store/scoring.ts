// Scoring rows: one per distinct pair of lexicon value and rule hits, scored once and shared by
// every statement with that pair.
import type { DbProvider } from "./client";
import type { Features } from "../core/types";
import { encodeRuleValues, pairScorer } from "../score";
import type { RawTx } from "./bulk-writer";
import type { StoredWeightSet } from "./rows";
import { chunks, INSERT_ROWS, insertRows } from "./sql";

/** What scoring reads of features: Scoring's key. */
export function scoringPairOf(features: Features): ScoringPair {
  return { lexicon: features.lexicon, ruleValues: encodeRuleValues(features) };
}

export interface ScoringPair {
  lexicon: number;
  ruleValues: string;
}

export const pairKey = (pair: ScoringPair) => `${pair.lexicon}\n${pair.ruleValues}`;

/**
 * The Scoring row of each pair (by pairKey), adding the pairs the store lacks, scored by
 * `weights`. A stored pair keeps its score: it is the store's, whichever version set it (a
 * re-score of the pairs not scored by the active version brings it up to date). Pairs go in
 * sorted so that concurrent ingests on PostgreSQL wait for each other's new pairs in one order.
 */
export async function scoringIdsOf(tx: RawTx, provider: DbProvider, pairs: ScoringPair[], weights: StoredWeightSet): Promise<Map<string, number>> {
  const unique = [...new Map(pairs.map((p) => [pairKey(p), p])).values()].sort((a, b) => a.lexicon - b.lexicon || (a.ruleValues < b.ruleValues ? -1 : a.ruleValues > b.ruleValues ? 1 : 0));
  const score = pairScorer(weights.weights);
  const ids = new Map<string, number>();
  for (const part of chunks(unique, INSERT_ROWS)) {
    const rows = part.map((p) => ({ lexicon: p.lexicon, ruleValues: p.ruleValues, ...score(p.lexicon, p.ruleValues), weightVersion: weights.version }));
    await insertRows(tx, provider, "Scoring", rows, { ignoreConflict: ["lexicon", "ruleValues"] });
    // Matched in the database against the same JSON text the rows were inserted from, so that a
    // float's text form never decides which pair is which.
    const payload = JSON.stringify(part.map((p) => [p.lexicon, p.ruleValues]));
    const found = await tx.$queryRawUnsafe<{ i: unknown; scoringId: unknown }[]>(
      provider === "postgresql"
        ? `SELECT v."i" - 1 AS "i", p."scoringId" FROM JSON_ARRAY_ELEMENTS(CAST($1 AS JSON)) WITH ORDINALITY AS v("e", "i")
            JOIN "Scoring" p ON p."lexicon" = CAST(v."e" ->> 0 AS DOUBLE PRECISION) AND p."ruleValues" = v."e" ->> 1`
        : `SELECT v."key" AS "i", p."scoringId" FROM JSON_EACH(?) AS v JOIN "Scoring" p ON p."lexicon" = v."value" ->> 0 AND p."ruleValues" = v."value" ->> 1`,
      payload,
    );
    for (const row of found) ids.set(pairKey(part[Number(row.i)]), Number(row.scoringId));
  }
  const missing = unique.find((p) => !ids.has(pairKey(p)));
  if (missing) throw new Error(`no Scoring row for lexicon ${missing.lexicon} and rule values "${missing.ruleValues}"`);
  return ids;
}
