// Why a stored statement scored what it did: its words and sources, its features, the
// contributions that sum to its score under the weight set that scored it, and the data-file
// entries of the rules that fired. Read by `npm run explain`.
import { cueEntry, cuesOf, RULES_BY_ID, type CueEntry, type Rule } from "../core/rules";
import { explainContributions, type ExplainedContribution } from "../score/explain";
import type { Db } from "../store/client";
import type { StoredStatement } from "../store/rows";
import { findStatement } from "../store/statements";

export interface RuleEntry {
  rule: Rule;
  cues: CueEntry[];
}

export interface StatementExplanation {
  statement: StoredStatement;
  contributions: ExplainedContribution[];
  /** The rules.json entries of every rule that contributed, with their cues' patterns. */
  rules: RuleEntry[];
}

export function explanationOf(statement: StoredStatement): StatementExplanation {
  const contributions = explainContributions(statement.contributions, statement.features);
  const rules = [...new Set(statement.features.hits.map((hit) => hit.rule))]
    .map((id) => RULES_BY_ID.get(id))
    .filter((rule): rule is Rule => rule !== undefined)
    .map((rule) => ({ rule, cues: rule.requires.flatMap(cuesOf).map(cueEntry).filter((cue): cue is CueEntry => cue !== null) }));
  return { statement, contributions, rules };
}

/** The explanation of the statement with this id (or unique id prefix), null when there is none. */
export async function explainStatement(db: Db, idOrPrefix: string): Promise<StatementExplanation | null> {
  const statement = await findStatement(db, idOrPrefix);
  return statement && explanationOf(statement);
}
