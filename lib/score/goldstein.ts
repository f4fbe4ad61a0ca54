// Default rule weights: the Goldstein value of each rule's CAMEO code (lib/data/cameo-goldstein.tsv).
import fs from "node:fs";
import path from "node:path";

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
