// Why a stored statement scored what it did: its words and sources, its features, the
// contributions that sum to its score under the weight set that scored it, and the data-file
// entries of the rules that fired. Read by `npm run explain`.
import { cueEntry, cuesOf, RULES_BY_ID, type CueEntry, type Rule } from "../core/rules";
import { explainContributions, type ExplainedContribution } from "../score/explain";
import type { Db } from "../store/client";
import type { StoredStatement } from "../store/rows";
import { findStatement } from "../store/statements";
import type { ArticleRef } from "./statements";

export interface RuleEntry {
  rule: Rule;
  cues: CueEntry[];
}

export interface StatementExplanation {
  statement: StoredStatement;
  contributions: ExplainedContribution[];
  /** The rules.json entries of every rule that contributed, with their cues' patterns. */
  rules: RuleEntry[];
  /** Each source's article (in the order of statement.sources), to cite it; null when it is not stored. */
  articles: Array<ArticleRef | null>;
}

export function explanationOf(statement: StoredStatement, articles: Array<ArticleRef | null> = statement.sources.map(() => null)): StatementExplanation {
  const contributions = explainContributions(statement.contributions, statement.features);
  const rules = [...new Set(statement.features.hits.map((hit) => hit.rule))]
    .map((id) => RULES_BY_ID.get(id))
    .filter((rule): rule is Rule => rule !== undefined)
    .map((rule) => ({ rule, cues: rule.requires.flatMap(cuesOf).map(cueEntry).filter((cue): cue is CueEntry => cue !== null) }));
  return { statement, contributions, rules, articles };
}

/** The explanation of the statement with this id (or unique id prefix), null when there is none. */
export async function explainStatement(db: Db, idOrPrefix: string): Promise<StatementExplanation | null> {
  const statement = await findStatement(db, idOrPrefix);
  if (!statement) return null;
  const hashes = [...new Set(statement.sources.map((source) => source.articleHash))];
  const stored = await db.article.findMany({ where: { contentHash: { in: hashes } }, select: { contentHash: true, title: true, source: true, url: true, published: true, path: true } });
  const byHash = new Map(stored.map(({ contentHash, ...article }) => [contentHash, article]));
  return explanationOf(statement, statement.sources.map((source) => byHash.get(source.articleHash) ?? null));
}
