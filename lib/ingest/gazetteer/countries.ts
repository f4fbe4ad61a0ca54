import worldCountries from "world-countries";
import {
  DISPLAY,
  DISPLAY_TO_CODE,
  anyFormMap,
  anyFormMapCS,
  codeMap,
  nameFormMap,
  nameFormMapCS,
  sovereign,
  splitDemonym,
  type Candidate,
} from "./country-forms";
import { scanMainOnce, type RawHit } from "./scan";
import { normKey } from "./trie";

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
