// Every form a text names a country by (names, demonyms, capitals, seats of power, agencies and
// the phrases that block them), each resolved to one country, in one case-sensitive trie for
// running text and in lookup maps for single names.

import worldCountries from "world-countries";
import { AGENCIES, ALIASES, SEATS } from "./data";
import { Trie, normKey } from "./trie";

const byCca3 = new Map(worldCountries.map((c) => [c.cca3, c] as const));
export function checkCode(code: string, where: string): string {
  if (!byCca3.has(code)) throw new Error(`gazetteer: unknown country code ${code} in ${where}`);
  return code;
}

const capitalsFor = new Set(ALIASES.capitalsFor.map((c) => checkCode(c, "capitalsFor")));
export const sovereign = (cca3: string): boolean => !!byCca3.get(cca3)?.independent || capitalsFor.has(cca3);

export const DISPLAY = new Map<string, string>();
for (const c of worldCountries) DISPLAY.set(c.cca3, ALIASES.display[c.cca3] ?? c.name.common);
for (const code of Object.keys(ALIASES.display)) checkCode(code, "display");
export const DISPLAY_TO_CODE = new Map<string, string>();
for (const [code, name] of DISPLAY) DISPLAY_TO_CODE.set(name, code);

export function splitDemonym(d: string | undefined): string[] {
  if (!d) return [];
  return d.split(/,\s*|\s+or\s+/).map((s) => s.trim()).filter(Boolean);
}
function pluralDemonym(d: string): string | null {
  if (/(?:ese|sh|ch|ss|x|z|s)$/.test(d)) return null;
  return d + "s";
}
const LATIN_RE = /^[\p{Script=Latin}\p{M}\s'’.,()\-]+$/u;
/** Pure codes like "US", "GB", "DPRK" from altSpellings: only explicit aliases may match codes. */
const CODE_RE = /^[A-Z.]{2,6}$/;

type MainKind = "block" | "seat" | "agency" | "name" | "demonym" | "alt" | "capital";
const KIND_PRIORITY: Record<MainKind, number> = { block: 0, seat: 1, agency: 2, name: 3, demonym: 4, alt: 5, capital: 6 };

export interface MainVal {
  kind: MainKind;
  cca3: string;
  /** For seats and agencies: canonical name and kind from the data file. */
  canonical: string;
  subkind: string;
  personLike: boolean;
}
export interface Candidate extends MainVal {
  order: number;
}

const formOwners = new Map<string, string>();
for (const [form, code] of Object.entries(ALIASES.formOwners)) formOwners.set(normKey(form, false), checkCode(code, "formOwners"));
const notInText = new Set(ALIASES.notInText.map((s) => normKey(s, false)));
const personLike = new Set(ALIASES.personLike.map((s) => normKey(s, false)));

let candidateOrder = 0;
/** All country-ish surface forms by normalised case-sensitive key (before variants and resolution). */
const surfaceCandidates = new Map<string, { surface: string; cands: Candidate[] }>();
function addSurface(surface: string, kind: MainKind, cca3: string, canonical = "", subkind = ""): void {
  const s = surface.trim();
  if (!s) return;
  const key = normKey(s, false);
  let slot = surfaceCandidates.get(key);
  if (!slot) surfaceCandidates.set(key, (slot = { surface: s, cands: [] }));
  slot.cands.push({ kind, cca3, canonical, subkind, personLike: false, order: candidateOrder++ });
}

// Alias file first: within one kind, earlier entries win ties.
for (const a of ALIASES.countries) {
  const code = checkCode(a.country, "countries");
  for (const n of a.names ?? []) addSurface(n, "name", code);
  for (const d of a.demonyms ?? []) addSurface(d, "demonym", code);
  for (const cap of a.capitals ?? []) addSurface(cap, "capital", code);
}
for (const c of worldCountries) {
  addSurface(c.name.common, "name", c.cca3);
  addSurface(c.name.official, "name", c.cca3);
  addSurface(DISPLAY.get(c.cca3)!, "name", c.cca3);
  for (const alt of c.altSpellings) {
    if (CODE_RE.test(alt) || !LATIN_RE.test(alt)) continue;
    addSurface(alt, "alt", c.cca3);
  }
  const eng = c.demonyms?.eng;
  const forms = new Set([...splitDemonym(eng?.m), ...splitDemonym(eng?.f)]);
  for (const d of forms) {
    addSurface(d, "demonym", c.cca3);
    const pl = pluralDemonym(d);
    if (pl && d !== c.name.common) addSurface(pl, "demonym", c.cca3);
  }
  if (sovereign(c.cca3)) for (const cap of c.capital ?? []) addSurface(cap, "capital", c.cca3);
}
for (const s of SEATS) {
  const code = checkCode(s.country, `seats-of-power ${s.name}`);
  for (const v of [s.name, ...(s.variants ?? [])]) addSurface(v, "seat", code, s.name, s.kind);
}
for (const a of AGENCIES) {
  const code = checkCode(a.country, `news-agencies ${a.name}`);
  for (const v of [a.name, ...(a.variants ?? [])]) addSurface(v, "agency", code, a.name, a.kind);
}
for (const b of ALIASES.blockedPhrases) addSurface(b, "block", "");

function resolveCandidates(key: string, cands: Candidate[]): Candidate {
  const owner = formOwners.get(key);
  let pool = cands;
  if (owner) {
    const owned = cands.filter((c) => c.cca3 === owner || c.kind === "block");
    if (owned.length) pool = owned;
  }
  return [...pool].sort(
    (a, b) =>
      KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind] ||
      Number(sovereign(b.cca3)) - Number(sovereign(a.cca3)) ||
      a.order - b.order,
  )[0];
}

/** Spelling variants of a surface form as printed: St./Saint, hyphen/space, "The X"/"the X". */
function spellingVariants(s: string): string[] {
  const out = new Set([s]);
  for (const v of [...out]) {
    if (/\bSaint\b/.test(v)) {
      out.add(v.replace(/\bSaint\b/g, "St."));
      out.add(v.replace(/\bSaint\b/g, "St"));
    }
  }
  for (const v of [...out]) if (/\p{L}-\p{L}/u.test(v)) out.add(v.replace(/(\p{L})-(\p{L})/gu, "$1 $2"));
  for (const v of [...out]) if (v.startsWith("The ")) out.add("the " + v.slice(4));
  return [...out];
}
function letterCount(s: string): number {
  return (s.match(/\p{L}/gu) ?? []).length;
}

/** Case-sensitive trie over every text form: names, demonyms, capitals, seats, agencies, blocked phrases. */
export const mainTrie = new Trie<MainVal>(false);
/** Lookup maps for countryOf / canonicalCountry (normalised lowercase keys). */
export const anyFormMap = new Map<string, { val: Candidate }>();
export const nameFormMap = new Map<string, { val: Candidate }>();
export const anyFormMapCS = new Map<string, { val: Candidate }>();
export const nameFormMapCS = new Map<string, { val: Candidate }>();
export const codeMap = new Map<string, string>();

function better(a: Candidate, b: Candidate): Candidate {
  return resolveCandidates("", [a, b]);
}
function mainMerge(old: MainVal, add: MainVal): MainVal {
  return better(old as Candidate, add as Candidate);
}

for (const [key, { surface, cands }] of surfaceCandidates) {
  const best = resolveCandidates(key, cands);
  const val: Candidate = { ...best, personLike: personLike.has(key) };
  // Lookup maps (including forms that are never matched in running text).
  if (val.kind !== "block") {
    // Acronyms ("US", "KCNA") resolve only in their own case: lowercase "us" is a pronoun.
    const acronym = surface === surface.toUpperCase();
    const put = (m: Map<string, { val: Candidate }>, lk: string) => {
      const prev = m.get(lk);
      m.set(lk, { val: prev ? better(prev.val, val) : val });
    };
    const isName = val.kind === "name" || val.kind === "alt";
    put(anyFormMapCS, key);
    if (isName) put(nameFormMapCS, key);
    if (!acronym) {
      put(anyFormMap, normKey(surface, true));
      if (isName) put(nameFormMap, normKey(surface, true));
    }
    if (CODE_RE.test(surface) && (val.kind === "name" || val.kind === "alt")) codeMap.set(surface, val.cca3);
  }
  if (notInText.has(key)) continue;
  // "The Netherlands" / "the Philippines": match the name without the article (capitals such as
  // "The Hague" keep it).
  const textSurface = (val.kind === "name" || val.kind === "alt") && /^the\s/i.test(surface) ? surface.slice(4) : surface;
  for (const v of spellingVariants(textSurface)) {
    mainTrie.insert(v, val, mainMerge);
    const upper = v.toUpperCase();
    if (upper !== v && letterCount(v) >= 4) mainTrie.insert(upper, val, mainMerge);
  }
}
for (const c of worldCountries) {
  codeMap.set(c.cca3, c.cca3);
  codeMap.set(c.cca2, c.cca3);
}
