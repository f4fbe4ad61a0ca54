import fs from "node:fs";
import path from "node:path";
import rulesData from "../data/rules.json";

export interface RuleRequirement {
  /** One cue, or several of which any will do. */
  cue: string | string[];
  in: "quote" | "frame" | "any";
}

export const cuesOf = (requirement: RuleRequirement): string[] =>
  Array.isArray(requirement.cue) ? requirement.cue : [requirement.cue];

/** Cues whose own negators are part of the phrase ("why not"): only a negator before the match negates. */
export const IDIOMATIC_NEGATION: Set<string> = new Set(
  Object.entries(rulesData.cues)
    .filter(([, cue]) => (cue as { idiomaticNegation?: boolean }).idiomaticNegation)
    .map(([id]) => id),
);

export interface Rule {
  id: string;
  name: string;
  cameo: string;
  explanation: string;
  requires: RuleRequirement[];
}

export const RULES: Rule[] = rulesData.rules as Rule[];
export const CUE_EXPLANATIONS: Record<string, string> = Object.fromEntries(
  Object.entries(rulesData.cues).map(([id, cue]) => [id, (cue as { explanation: string }).explanation]),
);

/** CAMEO event code → Goldstein value, from the reference table GDELT and ICEWS use. */
export function parseGoldsteinTable(tsv: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of tsv.split(/\r?\n/).slice(1)) {
    const [code, value] = line.split("\t");
    if (code && value !== undefined && !Number.isNaN(Number(value))) table.set(code.trim(), Number(value));
  }
  return table;
}

function locateDataFile(name: string): string {
  const candidates = [path.join(process.cwd(), "lib", "data", name), path.join(__dirname, "..", "data", name)];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`reference data file lib/data/${name} not found`);
  return found;
}

let goldstein: Map<string, number> | null = null;
export function goldsteinTable(): Map<string, number> {
  goldstein ??= parseGoldsteinTable(fs.readFileSync(locateDataFile("cameo-goldstein.tsv"), "utf8"));
  return goldstein;
}

/** A rule's default weight is the Goldstein value of its CAMEO code (or of the code's root). */
export function goldsteinWeight(cameo: string): number {
  const table = goldsteinTable();
  for (let code = cameo; code.length >= 2; code = code.slice(0, -1)) {
    const value = table.get(code);
    if (value !== undefined) return value;
  }
  throw new Error(`CAMEO code ${cameo} is not in the Goldstein table`);
}

export const RULES_BY_ID: Map<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
