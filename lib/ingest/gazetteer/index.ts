// Gazetteer: finds countries, state institutions and official titles in news prose.
//
// Pure: no I/O beyond the reference data (./data). Every lookup table is built once at module load.
// Country names, demonyms, capitals, seats and agencies are matched case-sensitively (with an extra
// ALL-CAPS form for words of four letters or more, for datelines and shouted headlines); institutions
// and titles are matched case-insensitively. Every matcher normalises text alike (./trie).

export {
  COUNTRIES,
  canonicalCountry,
  countryCode,
  countryOf,
  findCountryMentions,
  type CountryInfo,
  type CountryMention,
  type CountryVia,
} from "./countries";
export { findInstitutionMentions, type InstitutionMention } from "./institutions";
export { TITLES, findTitles, matchTitleAt, type TitleInfo, type TitleMatch } from "./titles";
export { TITLE_DATA } from "./data";
