// The gazetteer's reference data, typed:
//   world-countries            names, official names, alt spellings, demonyms, capitals (250 entries)
//   data/country-aliases.json  press names, display-name overrides, stoplists
//   data/seats-of-power.json   "White House", "Kremlin", ... → country + kind
//   data/news-agencies.json    "KCNA", "Xinhua", ... → country + kind
//   data/institutions.json     "Foreign Ministry", "government", ... head nouns
//   data/titles.json           "president", "deputy foreign minister", ...

import aliasJson from "../../data/country-aliases.json";
import seatJson from "../../data/seats-of-power.json";
import agencyJson from "../../data/news-agencies.json";
import institutionJson from "../../data/institutions.json";
import titleJson from "../../data/titles.json";

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
export interface InstitutionEntry {
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
export interface TitlePrefix {
  prefix: string;
  demote?: boolean;
  former?: boolean;
  hyphenOnly?: boolean;
}
interface TitleFile {
  /** Forms of address before a name, lower case ("mr", "majesty"). */
  honorifics: string[];
  prefixes: TitlePrefix[];
  entries: TitleEntry[];
}

export const ALIASES = aliasJson as unknown as AliasFile;
export const SEATS = (seatJson as unknown as { entries: SeatOrAgency[] }).entries;
export const AGENCIES = (agencyJson as unknown as { entries: SeatOrAgency[] }).entries;
export const INSTITUTIONS = institutionJson as unknown as InstitutionFile;
export const TITLE_DATA = titleJson as unknown as TitleFile;
