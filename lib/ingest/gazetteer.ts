// Gazetteer: finds countries, state institutions and official titles in news prose.
//
// Pure: no I/O beyond the JSON imported below. Every lookup table is built once at module load.
// Matching walks character tries from each word start, so the cost is linear in the text length
// (times the length of the longest partial match, a handful of characters in practice).
//
// Reference data:
//   world-countries            names, official names, alt spellings, demonyms, capitals (250 entries)
//   data/country-aliases.json  press names, display-name overrides, stoplists
//   data/seats-of-power.json   "White House", "Kremlin", ... → country + kind
//   data/news-agencies.json    "KCNA", "Xinhua", ... → country + kind
//   data/institutions.json     "Foreign Ministry", "government", ... head nouns
//   data/titles.json           "president", "deputy foreign minister", ...
//
// Normalisation applied by every matcher: accents are folded (Bogotá = Bogota), curly apostrophes are
// straight ones, any run of whitespace matches one space, combining marks are ignored. Country names,
// demonyms, capitals, seats and agencies are matched case-sensitively (with an extra ALL-CAPS form for
// words of four letters or more, for datelines and shouted headlines); institutions and titles are
// matched case-insensitively.

import worldCountries from "world-countries";
import aliasJson from "../data/country-aliases.json";
import seatJson from "../data/seats-of-power.json";
import agencyJson from "../data/news-agencies.json";
import institutionJson from "../data/institutions.json";
import titleJson from "../data/titles.json";

// ---------------------------------------------------------------------------------------------
// Public types

/** How a country was named in the text. "possessive" is a country name or alias followed by 's / ’s / s'. */
export type CountryVia = "name" | "demonym" | "possessive" | "capital" | "seat" | "agency";

export interface CountryMention {
  start: number;
  /** Exclusive; includes the possessive ending when there is one. */
  end: number;
  text: string;
  /** Canonical display name, e.g. "United States". */
  country: string;
  /** ISO 3166-1 alpha-3 code, e.g. "USA". */
  code: string;
  via: CountryVia;
  /** True when followed by 's / ’s / s' (for any via, e.g. "Beijing's" via capital). */
  possessive: boolean;
}

export interface InstitutionMention {
  start: number;
  end: number;
  text: string;
  /** The text with apostrophes straightened and whitespace collapsed: "Peru's Foreign Ministry". */
  name: string;
  /** Canonical display name of the state, or null when the text does not say which. */
  country: string | null;
  /**
   * executive | foreign-ministry | defense-ministry | ministry | military | legislature | intelligence |
   * security-council | diplomatic-mission | central-bank | judiciary | party | state-media |
   * public-broadcaster | wire | officials | capital
   */
  kind: string;
  /** Canonical data name of the head noun, seat or agency ("Foreign Ministry", "White House", "KCNA"); the capital for kind "capital". */
  institution: string;
}

export interface TitleInfo {
  /** Surface form as matched (lowercase unless caseSensitive). */
  title: string;
  /** Canonical office this form names, e.g. "foreign minister" for "minister of foreign affairs". */
  canonical: string;
  /** Head of state or government. */
  head: boolean;
  /** 1 head of state/government, 2 cabinet-level or deputy head, 3 senior official, 4 other. */
  rank: number;
  caseSensitive: boolean;
}

export interface TitleMatch {
  start: number;
  end: number;
  text: string;
  /** Canonical office including deputy-type prefixes: "deputy foreign minister", "vice president". */
  title: string;
  /** Canonical office without any prefix: "foreign minister", "president". */
  base: string;
  head: boolean;
  rank: number;
  /** "former president", "ex-president". */
  former: boolean;
  /** Prefixes as matched, lowercase, in order: ["former", "deputy"]. */
  prefixes: string[];
}

export interface CountryInfo {
  name: string;
  cca2: string;
  cca3: string;
  official: string;
  /** English demonym (masculine form from world-countries, first of several). */
  demonym: string | null;
  capitals: string[];
  /** Independent state (or listed in country-aliases.json "capitalsFor"). */
  sovereign: boolean;
}

// ---------------------------------------------------------------------------------------------
// Data file shapes

interface AliasCountry {
  country: string;
  names?: string[];
  demonyms?: string[];
  capitals?: string[];
}
interface AliasFile {
  display: Record<string, string>;
  capitalsFor: string[];
  countries: AliasCountry[];
  formOwners: Record<string, string>;
  notInText: string[];
  personLike: string[];
  blockedPhrases: string[];
  blockedFollowers: string[];
}
interface SeatOrAgency {
  name: string;
  variants?: string[];
  country: string;
  kind: string;
}
interface InstitutionEntry {
  name: string;
  variants?: string[];
  kind: string;
  standalone: boolean;
  properNoun?: boolean;
  country: string | null;
}
interface InstitutionFile {
  modifiers: string[];
  entries: InstitutionEntry[];
}
interface TitleEntry {
  title: string;
  variants?: string[];
  head: boolean;
  rank: number;
  caseSensitive?: boolean;
}
interface TitlePrefix {
  prefix: string;
  demote?: boolean;
  former?: boolean;
  hyphenOnly?: boolean;
}
interface TitleFile {
  prefixes: TitlePrefix[];
  entries: TitleEntry[];
}

const ALIASES = aliasJson as unknown as AliasFile;
const SEATS = (seatJson as unknown as { entries: SeatOrAgency[] }).entries;
const AGENCIES = (agencyJson as unknown as { entries: SeatOrAgency[] }).entries;
const INSTITUTIONS = institutionJson as unknown as InstitutionFile;
const TITLE_DATA = titleJson as unknown as TitleFile;

// ---------------------------------------------------------------------------------------------
// Character classes and folding (per UTF-16 code unit, cached)

const SKIP = -1;
const UNKNOWN = -2;
const foldCache = new Int32Array(65536).fill(UNKNOWN);
const lowerCache = new Int32Array(65536).fill(UNKNOWN);
const wordCache = new Uint8Array(65536); // 0 unknown, 1 word char, 2 not
const MANUAL_FOLD: Record<string, string> = {
  "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H",
  "ŧ": "t", "Ŧ": "T", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ð": "d", "Ð": "D", "þ": "t", "Þ": "T",
};
const MARK_RE = /\p{M}/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

function isWS(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}
function isHSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

/** Folds one code unit: accents stripped, apostrophes and hyphens unified, combining marks → SKIP. */
function fold(c: number): number {
  if (c < 128) return c;
  const cached = foldCache[c];
  if (cached !== UNKNOWN) return cached;
  const ch = String.fromCharCode(c);
  let out = c;
  if (MARK_RE.test(ch)) out = SKIP;
  else if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x00b4 || c === 0x2032 || c === 0x02b9) out = 39;
  else if (c === 0x2010 || c === 0x2011) out = 45;
  else if (MANUAL_FOLD[ch]) out = MANUAL_FOLD[ch].charCodeAt(0);
  else {
    const d = ch.normalize("NFD");
    if (d.length > 1 && d.charCodeAt(0) < 128) out = d.charCodeAt(0);
  }
  foldCache[c] = out;
  return out;
}

function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const cached = lowerCache[c];
  if (cached !== UNKNOWN) return cached;
  const l = String.fromCharCode(c).toLowerCase();
  const out = l.length === 1 ? l.charCodeAt(0) : c;
  lowerCache[c] = out;
  return out;
}

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const w = wordCache[c];
  if (w !== 0) return w === 1;
  const yes = WORD_RE.test(String.fromCharCode(c));
  wordCache[c] = yes ? 1 : 2;
  return yes;
}
function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}
function isUpperAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const ch = text[i];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isApostrophe(c: number): boolean {
  return fold(c) === 39;
}

/** Normalised key for a trie or a lookup map: folded, whitespace collapsed, optionally lowercased. */
function normKey(s: string, ci: boolean): string {
  let out = "";
  let ws = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWS(c)) {
      ws = out.length > 0;
      continue;
    }
    let f = fold(c);
    if (f === SKIP) continue;
    if (ci) f = lower(f);
    if (ws) out += " ";
    ws = false;
    out += String.fromCharCode(f);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Character trie

interface Hit<T> {
  end: number;
  val: T;
  /** Whether the text has a word boundary at `end` (or the key does not need one). */
  bounded: boolean;
}

/** From this many children on, a node finds them by code rather than by scanning its list. */
const INDEXED_CHILDREN = 4;
/** No such node: the end of a list of children, or a child that is missing. */
const NONE = -1;
const ROOT = 0;

/**
 * Nodes are numbers indexing a few flat arrays, and a node's children a list linked through
 * `nextSibling`. Scans walk a trie between long stretches of tokenizing, which push it out of the
 * CPU caches: compact arrays come back in far fewer cache lines than one object (and two lists)
 * per node spread over the heap, and are fewer objects for the garbage collector to trace.
 */
class Trie<T> {
  /** Folded code unit on the edge into each node. */
  private readonly code: number[] = [0];
  private readonly firstChild: number[] = [NONE];
  private readonly nextSibling: number[] = [NONE];
  /** The children by code unit, for the few nodes with many (the root, first letters). */
  private readonly byCode: ((number | undefined)[] | null)[] = [null];
  private readonly val: (T | null)[] = [null];
  /** The key ends with a word character, so a match needs a word boundary after it. */
  private readonly needsBoundary: boolean[] = [false];

  constructor(readonly ci: boolean) {}

  private childOf(node: number, c: number): number {
    const table = this.byCode[node];
    if (table !== null) return table[c] ?? NONE;
    let child = this.firstChild[node];
    while (child !== NONE && this.code[child] !== c) child = this.nextSibling[child];
    return child;
  }

  private childrenOf(node: number): number[] {
    const children: number[] = [];
    for (let child = this.firstChild[node]; child !== NONE; child = this.nextSibling[child]) children.push(child);
    return children;
  }

  private addChild(node: number, c: number): number {
    const child = this.code.length;
    this.code.push(c);
    this.firstChild.push(NONE);
    this.nextSibling.push(this.firstChild[node]);
    this.byCode.push(null);
    this.val.push(null);
    this.needsBoundary.push(isWordCode(c));
    this.firstChild[node] = child;
    const table = this.byCode[node];
    if (table !== null) table[c] = child;
    else {
      const children = this.childrenOf(node);
      if (children.length === INDEXED_CHILDREN) {
        const byCode: (number | undefined)[] = [];
        for (const k of children) byCode[this.code[k]] = k;
        this.byCode[node] = byCode;
      }
    }
    return child;
  }

  /** Inserts; when the key exists, `merge(old, new)` decides the stored value. */
  insert(key: string, val: T, merge: (old: T, add: T) => T = (old) => old): void {
    const k = normKey(key, this.ci);
    if (!k) return;
    let node = ROOT;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      const child = this.childOf(node, c);
      node = child === NONE ? this.addChild(node, c) : child;
    }
    const old = this.val[node];
    this.val[node] = old === null ? val : merge(old, val);
  }

  /** Could a key start with the character at text[i]? */
  startsAt(text: string, i: number): boolean {
    let f = fold(text.charCodeAt(i));
    if (this.ci) f = lower(f);
    return this.childOf(ROOT, f) !== NONE;
  }

  /**
   * The longest key matching text from index i that `accept` takes, trying them shortest first.
   * Scans ask this at every word: it builds no list and calls nothing but `accept`.
   */
  lastHit(text: string, i: number, accept: (val: T, bounded: boolean, end: number) => boolean): { end: number; val: T } | null {
    let end = -1;
    let found: T | null = null;
    const n = text.length;
    let node = ROOT;
    let j = i;
    while (j < n && this.firstChild[node] !== NONE) {
      const c = text.charCodeAt(j);
      let child: number;
      if (isWS(c)) {
        child = this.childOf(node, 32);
        if (child === NONE) break;
        while (j < n && isWS(text.charCodeAt(j))) j++;
      } else {
        let f = fold(c);
        if (f === SKIP) {
          j++;
          continue;
        }
        if (this.ci) f = lower(f);
        child = this.childOf(node, f);
        if (child === NONE) break;
        j++;
      }
      node = child;
      while (j < n && fold(text.charCodeAt(j)) === SKIP) j++;
      const val = this.val[node];
      if (val !== null && accept(val, !this.needsBoundary[node] || !isWordAt(text, j), j)) {
        end = j;
        found = val;
      }
    }
    return found === null ? null : { end, val: found };
  }

  /** Every key that matches text from index i, shortest first. */
  walk(text: string, i: number): Hit<T>[] {
    const hits: Hit<T>[] = [];
    this.lastHit(text, i, (val, bounded, end) => {
      hits.push({ end, val, bounded });
      return false;
    });
    return hits;
  }
}

function isWordStart(text: string, i: number): boolean {
  return isWordAt(text, i) && !isWordAt(text, i - 1) && fold(text.charCodeAt(i)) !== SKIP;
}
/** Index of the first character after the word containing i. */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWordAt(text, j)) j++;
  return Math.max(j, i + 1);
}

/** Every word start of a text (isWordStart) with its wordEnd, in one pass, for the scans that visit them all. */
interface Words {
  starts: number[];
  ends: number[];
}

function wordsOf(text: string): Words {
  const words: Words = { starts: [], ends: [] };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordCode(text.charCodeAt(j))) j++;
    // A run that opens with a combining mark holds no word start.
    if (fold(text.charCodeAt(i)) !== SKIP) {
      words.starts.push(i);
      words.ends.push(j);
    }
    i = j;
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Countries

const byCca3 = new Map(worldCountries.map((c) => [c.cca3, c] as const));
function checkCode(code: string, where: string): string {
  if (!byCca3.has(code)) throw new Error(`gazetteer: unknown country code ${code} in ${where}`);
  return code;
}

const capitalsFor = new Set(ALIASES.capitalsFor.map((c) => checkCode(c, "capitalsFor")));
const sovereign = (cca3: string): boolean => !!byCca3.get(cca3)?.independent || capitalsFor.has(cca3);

const DISPLAY = new Map<string, string>();
for (const c of worldCountries) DISPLAY.set(c.cca3, ALIASES.display[c.cca3] ?? c.name.common);
for (const code of Object.keys(ALIASES.display)) checkCode(code, "display");
const DISPLAY_TO_CODE = new Map<string, string>();
for (const [code, name] of DISPLAY) DISPLAY_TO_CODE.set(name, code);

function splitDemonym(d: string | undefined): string[] {
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

interface MainVal {
  kind: MainKind;
  cca3: string;
  /** For seats and agencies: canonical name and kind from the data file. */
  canonical: string;
  subkind: string;
  personLike: boolean;
}
interface Candidate extends MainVal {
  order: number;
}

const formOwners = new Map<string, string>();
for (const [form, code] of Object.entries(ALIASES.formOwners)) formOwners.set(normKey(form, false), checkCode(code, "formOwners"));
const notInText = new Set(ALIASES.notInText.map((s) => normKey(s, false)));
const personLike = new Set(ALIASES.personLike.map((s) => normKey(s, false)));
const blockedFollowers = new Set(ALIASES.blockedFollowers);

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
const mainTrie = new Trie<MainVal>(false);
/** Lookup maps for countryOf / canonicalCountry (normalised lowercase keys). */
const anyFormMap = new Map<string, { val: Candidate }>();
const nameFormMap = new Map<string, { val: Candidate }>();
const anyFormMapCS = new Map<string, { val: Candidate }>();
const nameFormMapCS = new Map<string, { val: Candidate }>();
const codeMap = new Map<string, string>();

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

// Words that may follow a person-like place name without making it part of a personal name.
const CALENDAR_WORDS = [
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];
/** English function words that may be capitalised before a place name without being a first name. */
const FUNCTION_WORDS = new Set([
  "The", "A", "An", "In", "From", "To", "And", "Of", "For", "With", "By", "At", "On", "But", "As", "Both",
  "Between", "Against", "Like", "Unlike", "While", "When", "If", "After", "Before", "Since", "Than", "Or",
  "Nor", "Neither", "Either", "Into", "Toward", "Towards", "Across", "Inside", "Outside", "Near", "Over",
  "Via", "Including", "Only", "Even", "Also", "Not", "Then", "Now", "So", "Yet", "Where", "Why", "How",
  "Meanwhile", "However",
]);
/** Is the word at i the first of a sentence, line or quotation? */
function opensSentence(text: string, i: number): boolean {
  let p = i - 1;
  while (p >= 0 && (isHSpace(text.charCodeAt(p)) || "\"“‘'([".includes(text[p]))) p--;
  return p < 0 || ".!?:;—–\n\r".includes(text[p]);
}
function capitalizedWords(phrases: string[]): string[] {
  const out: string[] = [];
  for (const p of phrases)
    for (const w of p.split(/[\s-]+/)) if (w) out.push(w[0].toUpperCase() + w.slice(1));
  return out;
}
const ALLOWED_NEXT = new Set<string>([
  ...CALENDAR_WORDS,
  ...capitalizedWords(TITLE_DATA.entries.flatMap((t) => [t.title, ...(t.variants ?? [])])),
  ...capitalizedWords(TITLE_DATA.prefixes.map((p) => p.prefix)),
  ...capitalizedWords(INSTITUTIONS.entries.flatMap((e) => [e.name, ...(e.variants ?? [])])),
  ...capitalizedWords(INSTITUTIONS.modifiers),
]);

/** The capitalised word at i (letters, apostrophes, hyphens, periods inside), or "". */
function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && (isWordAt(text, j) || ((text[j] === "'" || text[j] === "’" || text[j] === "-") && isWordAt(text, j + 1)))) j++;
  return text.slice(i, j);
}

/** True for a line in headline Title Case, where capitalisation says nothing about personal names. */
function inTitleCaseLine(text: string, pos: number): boolean {
  const from = Math.max(0, text.lastIndexOf("\n", pos) + 1, pos - 300);
  let to = text.indexOf("\n", pos);
  if (to < 0 || to > pos + 300) to = Math.min(text.length, pos + 300);
  const words = text.slice(from, to).match(/[\p{L}][\p{L}'’]{3,}/gu) ?? [];
  if (words.length < 5) return false;
  let lowercase = 0;
  for (const w of words) if (w[0] === w[0].toLowerCase()) lowercase++;
  return lowercase <= Math.floor(words.length / 10);
}

/** Rejects a person-like place name glued to another capitalised word ("Chad Wolf", "Denzel Washington"). */
function looksLikePersonName(text: string, start: number, end: number): boolean {
  if (inTitleCaseLine(text, start)) return false;
  // Next word.
  let j = end;
  if (j < text.length && isHSpace(text.charCodeAt(j))) {
    while (j < text.length && isHSpace(text.charCodeAt(j))) j++;
    if (isUpperAt(text, j)) {
      const w = wordAt(text, j);
      if (w && !ALLOWED_NEXT.has(w)) return true;
    }
  }
  // Previous word: a capitalised word that is not a function word, does not open a sentence and is not
  // itself a place ("Michael Jordan", but not "In Jordan", "Visiting Jordan, ..." or "Iraq Jordan").
  let k = start - 1;
  if (k >= 0 && isHSpace(text.charCodeAt(k))) {
    while (k >= 0 && isHSpace(text.charCodeAt(k))) k--;
    let b = k;
    while (b >= 0 && (isWordAt(text, b) || text[b] === "." || text[b] === "-")) b--;
    const wStart = b + 1;
    const w = text.slice(wStart, k + 1);
    if (w && isUpperAt(text, wStart) && !FUNCTION_WORDS.has(w) && !ALLOWED_NEXT.has(w) && !opensSentence(text, wStart)) {
      const isPlace = mainTrie.startsAt(text, wStart) && mainTrie.walk(text, wStart).some((h) => h.bounded && h.val.kind !== "block");
      if (!isPlace) return true;
    }
  }
  return false;
}

/** End of a possessive ending ('s, ’s, or s' after a final s) at i, or -1. */
function possessiveEnd(text: string, i: number): number {
  if (i >= text.length || !isApostrophe(text.charCodeAt(i))) return -1;
  const next = text[i + 1];
  if ((next === "s" || next === "S") && !isWordAt(text, i + 2)) return i + 2;
  const prev = text[i - 1];
  if ((prev === "s" || prev === "S") && !isWordAt(text, i + 1)) return i + 1;
  return -1;
}

/** Is one of the next two capitalised words a blocked follower ("Washington Post", "Moscow State University")? */
function followedByBlockedWord(text: string, end: number): boolean {
  let j = end;
  for (let n = 0; n < 2; n++) {
    if (j >= text.length || !isHSpace(text.charCodeAt(j))) return false;
    while (j < text.length && isHSpace(text.charCodeAt(j))) j++;
    if (!isUpperAt(text, j)) return false;
    const w = wordAt(text, j);
    if (blockedFollowers.has(w)) return true;
    j += w.length;
  }
  return false;
}

interface RawHit {
  start: number;
  /** End of the name itself. */
  nameEnd: number;
  /** End including the possessive ending. */
  end: number;
  val: MainVal;
  possessive: boolean;
}

/** findActors asks for the countries and then the institutions of the same text: it is scanned once. */
let lastScan: { text: string; words: Words; hits: readonly RawHit[] } | null = null;

function scanMainOnce(text: string): { words: Words; hits: readonly RawHit[] } {
  if (lastScan?.text !== text) {
    const words = wordsOf(text);
    lastScan = { text, words, hits: scanMain(text, words) };
  }
  return lastScan;
}

/** A blocked phrase is consumed even where a word runs on past it. */
const isMatchOrBlock = (val: MainVal, bounded: boolean) => bounded || val.kind === "block";

/**
 * What the scan below finds at the word starting at i: the hit there, the end of a blocked phrase
 * starting there (to resume after), or null.
 */
function hitAt(text: string, i: number): RawHit | number | null {
  if (!mainTrie.startsAt(text, i)) return null;
  const hit = mainTrie.lastHit(text, i, isMatchOrBlock);
  if (!hit) return null;
  if (hit.val.kind === "block") return hit.end;
  const pEnd = possessiveEnd(text, hit.end);
  const possessive = pEnd >= 0;
  const countryish = hit.val.kind !== "seat" && hit.val.kind !== "agency";
  if (countryish && !possessive && followedByBlockedWord(text, hit.end)) return null;
  if (hit.val.personLike && !possessive && looksLikePersonName(text, i, hit.end)) return null;
  return { start: i, nameEnd: hit.end, end: possessive ? pEnd : hit.end, val: hit.val, possessive };
}

/** Leftmost-longest scan of the main trie with all text filters applied. Blocked phrases are consumed, not returned. */
function scanMain(text: string, words: Words): RawHit[] {
  const out: RawHit[] = [];
  let resumeAt = 0;
  for (let k = 0; k < words.starts.length; k++) {
    const i = words.starts[k];
    if (i < resumeAt) continue;
    const found = hitAt(text, i);
    if (found === null) continue;
    if (typeof found === "number") {
      resumeAt = Math.max(found, i + 1);
      continue;
    }
    out.push(found);
    resumeAt = found.end;
  }
  return out;
}

function viaOf(h: RawHit): CountryVia {
  switch (h.val.kind) {
    case "name":
    case "alt":
      return h.possessive ? "possessive" : "name";
    case "demonym":
      return "demonym";
    case "capital":
      return "capital";
    case "seat":
      return "seat";
    default:
      return "agency";
  }
}

/**
 * Every country mention in the text, left to right, non-overlapping, longest match first
 * ("United States" not "United", "South Korea" not "Korea", "U.S." with its dots).
 * Names, demonyms, capitals, seats of power ("the Kremlin") and state-media agencies ("KCNA") count;
 * wire agencies, public broadcasters, blocked phrases ("Washington Post", "Latin American") do not.
 * Case-sensitive: "us", "turkey", "china" in lowercase never match.
 */
export function findCountryMentions(text: string): CountryMention[] {
  const out: CountryMention[] = [];
  for (const h of scanMainOnce(text).hits) {
    if (h.val.kind === "agency" && h.val.subkind !== "state-media") continue;
    out.push({
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
      country: DISPLAY.get(h.val.cca3)!,
      code: h.val.cca3,
      via: viaOf(h),
      possessive: h.possessive,
    });
  }
  return out;
}

type FormMap = Map<string, { val: Candidate }>;
function lookup(s: string, cs: FormMap, ci: FormMap): string | null {
  const t = s.trim();
  if (!t) return null;
  const code = codeMap.get(t);
  if (code) return DISPLAY.get(code)!;
  const bare = t.replace(/(?:['’]s|(?<=s)['’])$/u, "").replace(/^the\s+/i, "");
  const hit = cs.get(normKey(bare, false)) ?? ci.get(normKey(bare, true));
  return hit ? DISPLAY.get(hit.val.cca3)! : null;
}

/**
 * Canonical display name for a country name, alias or ISO code (accents optional, case-insensitive
 * except for acronyms, possessive and leading "the" ignored): "Türkiye" → "Turkey", "U.S." → "United States",
 * "PER" → "Peru", "us" → null. Demonyms and capitals are not accepted here (see countryOf). Null when unknown.
 */
export function canonicalCountry(name: string): string | null {
  return lookup(name, nameFormMapCS, nameFormMap);
}

/**
 * Canonical display name for any form the gazetteer knows: country name, alias, ISO code, demonym
 * ("Peruvian", "Americans"), capital ("Beijing"), seat of power ("Kremlin") or agency ("KCNA").
 * Accents optional; case-insensitive except for acronyms ("US", "KCNA" need capitals). Null when unknown.
 */
export function countryOf(nameOrDemonymOrAlias: string): string | null {
  return lookup(nameOrDemonymOrAlias, anyFormMapCS, anyFormMap);
}

/** ISO 3166-1 alpha-3 code for anything countryOf accepts, or null. */
export function countryCode(nameOrDemonymOrAlias: string): string | null {
  const name = countryOf(nameOrDemonymOrAlias);
  return name ? DISPLAY_TO_CODE.get(name) ?? null : null;
}

/** Every entry of world-countries under its display name, in the package's order. */
export const COUNTRIES: readonly CountryInfo[] = worldCountries.map((c) => ({
  name: DISPLAY.get(c.cca3)!,
  cca2: c.cca2,
  cca3: c.cca3,
  official: c.name.official,
  demonym: splitDemonym(c.demonyms?.eng?.m)[0] ?? null,
  capitals: [...(c.capital ?? [])],
  sovereign: sovereign(c.cca3),
}));

// ---------------------------------------------------------------------------------------------
// Institutions

interface HeadVal {
  head: InstitutionEntry | null;
  modifier: boolean;
}
const headTrie = new Trie<HeadVal>(true);
for (const e of INSTITUTIONS.entries) {
  if (e.country !== null) checkCode(e.country, `institutions ${e.name}`);
  for (const v of [e.name, ...(e.variants ?? [])]) {
    headTrie.insert(v, { head: e, modifier: false }, (old, add) => ({
      // Entries with a fixed country are listed after the generic ones they refine; prefer them.
      head: old.head && (old.head.country !== null || !add.head) ? old.head : add.head ?? old.head,
      modifier: old.modifier || add.modifier,
    }));
  }
}
for (const m of INSTITUTIONS.modifiers) {
  headTrie.insert(m, { head: null, modifier: true }, (old) => ({ head: old.head, modifier: true }));
}

function skipHSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isHSpace(text.charCodeAt(j))) j++;
  return j;
}

/** Longest "modifier* head" at i (up to two modifiers), bounded. */
function matchHead(text: string, i: number, modifiersLeft = 2): { end: number; entry: InstitutionEntry } | null {
  if (!isWordStart(text, i) || !headTrie.startsAt(text, i)) return null;
  let best: { end: number; entry: InstitutionEntry } | null = null;
  for (const h of headTrie.walk(text, i)) {
    if (!h.bounded) continue;
    if (h.val.head && (!best || h.end > best.end)) best = { end: h.end, entry: h.val.head };
    if (h.val.modifier && modifiersLeft > 0) {
      const j = skipHSpace(text, h.end);
      if (j > h.end || text[h.end] === "-") {
        const inner = matchHead(text, text[h.end] === "-" ? h.end + 1 : j, modifiersLeft - 1);
        if (inner && (!best || inner.end > best.end)) best = inner;
      }
    }
  }
  return best;
}

const isBoundedHead = (val: HeadVal, bounded: boolean) => bounded && val.head !== null;

function cleanName(s: string): string {
  return s.replace(/[’‘ʼ]/g, "'").replace(/\s+/g, " ");
}

/**
 * Institutions that can speak for a state, left to right, non-overlapping:
 * - a country name / demonym / possessive / capital followed by a head noun, optionally with modifiers:
 *   "Peru's Foreign Ministry", "the Russian Foreign Ministry", "the Chinese government", "North Korea's state media";
 * - a head noun followed by "of (the) <country>": "the Ministry of Foreign Affairs of Peru";
 * - seats of power and agencies ("the White House", "the Kremlin", "KCNA", "Xinhua", also wires such as "Yonhap"),
 *   absorbing a directly preceding same-country name ("North Korea's KCNA");
 * - standalone heads from the data ("the State Department" → United States, "the foreign ministry" → null country);
 * - bare capitals, kind "capital" ("Beijing", "Washington's") — the caller decides whether one is a speaker.
 * Spans do not include a leading "the".
 */
export function findInstitutionMentions(text: string): InstitutionMention[] {
  const out: InstitutionMention[] = [];
  const { words, hits: raw } = scanMainOnce(text);
  const push = (start: number, end: number, country: string | null, kind: string, institution: string) => {
    const t = text.slice(start, end);
    out.push({ start, end, text: t, name: cleanName(t), country, kind, institution });
  };
  // Pass 1: anchored on main-trie hits.
  for (let k = 0; k < raw.length; k++) {
    const m = raw[k];
    const country = DISPLAY.get(m.val.cca3)!;
    if (m.val.kind === "seat" || m.val.kind === "agency") {
      push(m.start, m.nameEnd, country, m.val.subkind, m.val.canonical);
      continue;
    }
    // Country-like: head noun after it?
    const afterName = skipHSpace(text, m.end);
    if (afterName > m.end) {
      const h = matchHead(text, afterName);
      if (h) {
        push(m.start, h.end, country, h.entry.kind, h.entry.name);
        continue;
      }
      // Same-country seat or agency right after it: "North Korea's KCNA", "China's Xinhua".
      const next = raw[k + 1];
      if (next && next.start === afterName && (next.val.kind === "seat" || next.val.kind === "agency") && next.val.cca3 === m.val.cca3) {
        push(m.start, next.nameEnd, country, next.val.subkind, next.val.canonical);
        k++;
        continue;
      }
    }
    if (m.val.kind === "capital") push(m.start, m.nameEnd, country, "capital", text.slice(m.start, m.nameEnd));
  }
  // Pass 2: head nouns not covered by pass 1 ("the Foreign Ministry", "the government of Peru").
  const covered = out.map((o) => [o.start, o.end] as const);
  const rawSpans = raw.map((r) => [r.start, r.end] as const);
  let ci = 0;
  let ri = 0;
  let resumeAt = 0;
  for (let k = 0; k < words.starts.length; k++) {
    const i = words.starts[k];
    if (i < resumeAt) continue;
    while (ci < covered.length && covered[ci][1] <= i) ci++;
    if (ci < covered.length && covered[ci][0] <= i) {
      resumeAt = covered[ci][1];
      continue;
    }
    while (ri < rawSpans.length && rawSpans[ri][1] <= i) ri++;
    if (ri < rawSpans.length && rawSpans[ri][0] <= i) {
      resumeAt = rawSpans[ri][1];
      continue;
    }
    if (!headTrie.startsAt(text, i)) continue;
    const hit = headTrie.lastHit(text, i, isBoundedHead);
    const best = hit && { end: hit.end, entry: hit.val.head! };
    if (!best) continue;
    // "… of (the) <country>"
    let j = skipHSpace(text, best.end);
    let postfix: RawHit | null = null;
    if (j > best.end && /^of\s/i.test(text.slice(j, j + 3))) {
      j = skipHSpace(text, j + 2);
      if (/^the\s/i.test(text.slice(j, j + 4))) j = skipHSpace(text, j + 3);
      // The scan of the next 120 characters would start with this hit.
      const window = text.slice(j, j + 120);
      const found = isWordStart(window, 0) ? hitAt(window, 0) : null;
      const first = typeof found === "number" ? null : found;
      if (first && (first.val.kind === "name" || first.val.kind === "alt")) {
        postfix = { ...first, start: j + first.start, nameEnd: j + first.nameEnd, end: j + first.end };
      }
    }
    const entry = best.entry;
    if (postfix) {
      push(i, postfix.nameEnd, DISPLAY.get(postfix.val.cca3)!, entry.kind, entry.name);
      resumeAt = postfix.nameEnd;
    } else if (entry.standalone && (!entry.properNoun || isUpperAt(text, i))) {
      push(i, best.end, entry.country ? DISPLAY.get(entry.country)! : null, entry.kind, entry.name);
      resumeAt = best.end;
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: InstitutionMention[] = [];
  let lastEnd = -1;
  for (const o of out) {
    if (o.start < lastEnd) continue;
    result.push(o);
    lastEnd = o.end;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Titles

const titleTrieCI = new Trie<TitleInfo>(true);
const titleTrieCS = new Trie<TitleInfo>(false);
const allTitles: TitleInfo[] = [];
for (const e of TITLE_DATA.entries) {
  const cs = !!e.caseSensitive;
  for (const form of [e.title, ...(e.variants ?? [])]) {
    const surface = cs ? form : form.toLowerCase();
    const info: TitleInfo = { title: surface, canonical: e.title, head: e.head, rank: e.rank, caseSensitive: cs };
    allTitles.push(info);
    (cs ? titleTrieCS : titleTrieCI).insert(surface, info);
  }
}

/** Every title form (variants included), longest first. */
export const TITLES: readonly TitleInfo[] = allTitles.sort((a, b) => b.title.length - a.title.length || a.title.localeCompare(b.title));

const prefixTrie = new Trie<TitlePrefix>(true);
for (const p of TITLE_DATA.prefixes) prefixTrie.insert(p.prefix, p);

interface TitleCore {
  end: number;
  info: TitleInfo;
  prefixes: TitlePrefix[];
}
const isBounded = (_val: unknown, bounded: boolean) => bounded;

/** The longest title form at i; a case-sensitive form must be longer to beat a case-insensitive one. */
function longestTitleForm(text: string, i: number): TitleCore | null {
  const ci = titleTrieCI.startsAt(text, i) ? titleTrieCI.lastHit(text, i, isBounded) : null;
  const cs = titleTrieCS.startsAt(text, i) ? titleTrieCS.lastHit(text, i, isBounded) : null;
  const hit = cs && (!ci || cs.end > ci.end) ? cs : ci;
  return hit && { end: hit.end, info: hit.val, prefixes: [] };
}

function matchTitleCore(text: string, i: number, prefixesLeft: number): TitleCore | null {
  let best = longestTitleForm(text, i);
  // Most words start no prefix at all: finding that out builds no list of hits.
  if (prefixesLeft > 0 && prefixTrie.startsAt(text, i) && prefixTrie.lastHit(text, i, isBounded)) {
    for (const h of prefixTrie.walk(text, i)) {
      if (!h.bounded) continue;
      let j = h.end;
      if (text[j] === "-" || text[j] === "‐") j++;
      else if (h.val.hyphenOnly) continue;
      else {
        const k = skipHSpace(text, j);
        if (k === j) continue;
        j = k;
      }
      if (!isWordAt(text, j)) continue;
      const inner = matchTitleCore(text, j, prefixesLeft - 1);
      if (inner && (!best || inner.end > best.end)) best = { end: inner.end, info: inner.info, prefixes: [h.val, ...inner.prefixes] };
    }
  }
  return best;
}

/**
 * The official title starting exactly at `index` ("President", "deputy foreign minister", "Vice-President",
 * "former Prime Minister", "Sen."), case-insensitive except forms marked caseSensitive ("PM", "MP").
 * Longest form wins. Null when none starts there or `index` is inside a word.
 */
export function matchTitleAt(text: string, index: number): TitleMatch | null {
  if (index < 0 || index >= text.length || isWordAt(text, index - 1) || !isWordAt(text, index)) return null;
  const core = matchTitleCore(text, index, 2);
  if (!core) return null;
  const demoted = core.prefixes.some((p) => p.demote);
  const demoteWords = core.prefixes.filter((p) => p.demote).map((p) => p.prefix);
  const base = core.info.canonical;
  const title = [...demoteWords, base].join(" ");
  return {
    start: index,
    end: core.end,
    text: text.slice(index, core.end),
    title,
    base,
    head: core.info.head && !demoted,
    rank: Math.min(4, core.info.rank + (demoted ? 1 : 0)),
    former: core.prefixes.some((p) => p.former),
    prefixes: core.prefixes.map((p) => p.prefix),
  };
}

/** Every title in the text, left to right, non-overlapping, longest first (see matchTitleAt). */
export function findTitles(text: string): TitleMatch[] {
  const out: TitleMatch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordStart(text, i)) {
      i++;
      continue;
    }
    if (!titleTrieCI.startsAt(text, i) && !titleTrieCS.startsAt(text, i) && !prefixTrie.startsAt(text, i)) {
      i = wordEnd(text, i);
      continue;
    }
    const m = matchTitleAt(text, i);
    if (m) {
      out.push(m);
      i = m.end;
    } else i = wordEnd(text, i);
  }
  return out;
}
