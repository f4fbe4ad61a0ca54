import { COUNTRIES, type CountryMention } from "../../gazetteer";
import type { Token } from "../../nlp";
import { PREPOSITIONS, type Cast } from "./cast";

const SKIPPABLE = new Set(["ADV", "AUX", "PART"]);
/** The words of a day between subject and verb: "Peru on Wednesday said", "Chile last week said". */
const DAY_WORDS = /^(?:on|last|this|week|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today)$/i;
const DEMONYM_BY_COUNTRY = new Map(COUNTRIES.map((c) => [c.name, c.demonym]));

/** How a country's government is named when the country speaks: "Peruvian government". */
export function governmentOf(country: string): string | null {
  return bodyOf("government", country);
}

/** "Peruvian foreign ministry": a body of government named with its country's demonym; null when the country has none. */
export function bodyOf(body: string, country: string): string | null {
  const demonym = DEMONYM_BY_COUNTRY.get(country);
  return demonym ? `${demonym} ${body}` : null;
}

/** Longest aside between subject and verb read as one: "for its part", "in turn", "however". */
const PARENTHETICAL_REACH = 4;

/** "Peru, for its part, said": the token after a short aside set off by commas at `from`, else `from`. */
function afterParenthetical(tokens: Token[], from: number): number {
  if (tokens[from]?.text !== ",") return from;
  for (let k = from + 1; k <= from + PARENTHETICAL_REACH + 1 && k < tokens.length; k++) {
    // "in turn" is tagged a verb; a verb after anything but a preposition ends the aside.
    if ((tokens[k].pos === "VERB" && tokens[k - 1].pos !== "ADP") || tokens[k].text === ".") return from;
    if (tokens[k].text === ",") return k > from + 1 ? k + 1 : from;
  }
  return from;
}

/**
 * "Peru said on Monday…", "Chile has said that…": a country's name as the subject of a verb of
 * saying stands for its government, which speaks as "<demonym> government". Only right before the
 * verb: anywhere else the name is the country.
 */
export function addCountrySpeakers(tokens: Token[], countries: CountryMention[], speechLemmas: Set<string>, cast: Cast): void {
  const byCountry = new Map<string, number>();
  const speak = (mention: CountryMention, government: string) => {
    let actor = byCountry.get(mention.country);
    if (actor === undefined) byCountry.set(mention.country, (actor = cast.add("institution", government, mention.country, [], false, true).id));
    cast.mention(mention.start, mention.end, actor, "institution");
  };
  countries.forEach((mention, index) => {
    if (!speaksFreely(tokens, mention, cast)) return;
    const afterAside = afterParenthetical(tokens, cast.tokenAt(mention.end - 1) + 1);
    let next = afterAside;
    while (next < tokens.length && next - afterAside < 5 && (SKIPPABLE.has(tokens[next].pos) || DAY_WORDS.test(tokens[next].text))) next++;
    const verb = tokens[next];
    if (!verb || verb.pos !== "VERB" || !speechLemmas.has(verb.lemma)) return;
    const government = governmentOf(mention.country);
    if (!government) return;
    speak(mention, government);
    // "Denmark, Finland and Iceland said": the countries listed before speak with it.
    for (let k = index - 1; k >= 0 && listedTogether(tokens, countries[k], countries[k + 1], cast, k === index - 1) && speaksFreely(tokens, countries[k], cast); k--) {
      const listed = governmentOf(countries[k].country);
      if (!listed) break;
      speak(countries[k], listed);
    }
  });
}

/** Named, not possessive, not the object of a preposition. */
function speaksFreely(tokens: Token[], mention: CountryMention, cast: Cast): boolean {
  if (mention.via !== "name" || mention.possessive) return false;
  const first = cast.tokenAt(mention.start);
  return !(PREPOSITIONS.has(tokens[first - 1]?.normal ?? "") || (/^(?:the|a)$/i.test(tokens[first - 1]?.normal ?? "") && PREPOSITIONS.has(tokens[first - 2]?.normal ?? "")));
}

/** "and" or ", and" between two country names, or between earlier ones of a list a comma. */
function listedTogether(tokens: Token[], earlier: CountryMention, later: CountryMention, cast: Cast, last: boolean): boolean {
  if (later.start - earlier.end > ", and ".length) return false;
  return itemBeforeSeparator(tokens, cast.tokenAt(later.start) - 1, last) === cast.tokenAt(earlier.end - 1);
}

/**
 * A list's separator ending at token `k` — "and" or ", and" before its last item, a comma before
 * the others — and the last token of the item before it; -1 when `k` is no separator.
 */
export function itemBeforeSeparator(tokens: Token[], k: number, beforeLastItem: boolean): number {
  if (tokens[k]?.normal === "and") return tokens[k - 1]?.text === "," ? k - 2 : k - 1;
  return !beforeLastItem && tokens[k]?.text === "," ? k - 1 : -1;
}
