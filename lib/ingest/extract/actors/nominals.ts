import { matchTitleAt, type CountryMention, type TitleMatch } from "../../gazetteer";
import type { AnalyzedText, Token } from "../../nlp";
import { firstIndexWhere } from "../positions";
import type { Cast } from "./cast";
import { nameKey } from "./names";
import type { SortedSpans } from "./spans";
import type { Actor, ActorMention } from "./types";

const DETERMINER_BEFORE = /\b(the|his|her|their)\s+$/i;

/**
 * Nominal mentions: "the president", "the Peruvian leader", "Peru's president", "the US President",
 * each of the person it refers to, or of an office when the article names no one for it.
 */
export function addNominals(analyzed: AnalyzedText, countries: SortedSpans<CountryMention>, people: Actor[], cast: Cast): void {
  const { text, tokens } = analyzed;
  // Names are all known by now: only nominal mentions are added after this.
  const names = new NameMentions(cast.mentions);
  const officeByKey = new Map<string, Actor>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    // Country qualifier right before the title, possibly after "the".
    const qualifier = countries.endingJustBefore(token.start, 2);
    // A reference needs the qualifier or a determiner (below): checking that first spares the title lookup at most tokens.
    if (!qualifier && !determinerBefore(text, token.start)) continue;
    const known = matchTitleAt(text, token.start);
    // "Peru's maritime minister", "the ministry spokesman": a portfolio the list does not know before an office it does.
    const plain = known ?? portfolioTitleAt(text, tokens, index);
    if (!plain) continue;
    // "the top Peruvian diplomat": a title ("top diplomat") whose country stands inside it.
    const split = qualifier ? titleAroundCountry(text, qualifier.start, plain) : null;
    const title = split?.title ?? plain;
    const titleEndToken = cast.tokenAt(title.end - 1);
    const following = tokens[titleEndToken + 1];
    if (following && introducesName(text, countries, names, title, following)) continue;
    let start = token.start;
    let country: string | null = null;
    if (qualifier) {
      country = qualifier.country;
      start = qualifier.start;
    }
    if (split) start = split.start;
    const determiner = determinerBefore(text, start);
    if (!determiner && !qualifier) continue; // bare "President" without "the" is a name prefix, not a reference
    if (determiner) start -= determiner[0].length;
    const ofCountry = following?.text === "of" ? countries.firstStartingWithin(following.end, following.end + 5) : undefined;
    if (ofCountry && !country) country = ofCountry.country;
    const end = ofCountry ? ofCountry.end : title.end;
    let referent = resolveNominal(people, names, start, title.title, title.head, country);
    // "the ministry spokesman" for the foreign ministry's spokesman named before: the office alone.
    if (referent === null && !known && !qualifier) referent = resolveNominal(people, names, start, title.title.split(" ").slice(1).join(" "), title.head, country);
    if (referent === null && country) {
      const name = text.slice(determiner ? start + determiner[0].length : start, end).replace(/\s+/g, " ");
      referent = officeFor(name, country, title, officeByKey, cast).id;
    }
    if (referent === null) continue;
    cast.mention(start, end, referent, "nominal");
    index = titleEndToken;
  }
}

/**
 * "Peru's maritime minister": a portfolio the title list does not know before an office it
 * does, after a country. The office is named with its portfolio.
 */
function portfolioTitleAt(text: string, tokens: Token[], index: number): TitleMatch | null {
  const word = tokens[index];
  const next = tokens[index + 1];
  if (!next || !/^\p{Ll}+$/u.test(word.text) || !["NOUN", "ADJ"].includes(word.pos)) return null;
  const office = matchTitleAt(text, next.start);
  if (!office || office.head || office.start !== next.start) return null;
  return { ...office, start: word.start, text: text.slice(word.start, office.end), title: `${word.normal} ${office.title}` };
}

/** The word a title may have before a country that stands inside it: "the top Peruvian diplomat". */
const WORD_BEFORE_COUNTRY = /\b(?:the|his|her|their)\s+(\p{L}+)\s+$/iu;

function titleAroundCountry(text: string, countryStart: number, title: TitleMatch): { title: TitleMatch; start: number } | null {
  const before = WORD_BEFORE_COUNTRY.exec(text.slice(Math.max(0, countryStart - 20), countryStart));
  if (!before) return null;
  const joined = `${before[1]} ${text.slice(title.start, title.end)}`;
  const whole = matchTitleAt(joined, 0);
  if (!whole || whole.end !== joined.length) return null;
  const start = countryStart - before[0].length + before[0].indexOf(before[1]);
  return { title: { ...whole, start: title.start, end: title.end }, start };
}

/** A title followed by a name is part of that name's introduction ("President Ana Ruiz", "the President of Peru, Marta Oliveira"). */
function introducesName(text: string, countries: SortedSpans<CountryMention>, names: NameMentions, title: TitleMatch, following: Token): boolean {
  if (names.anyStartingBetween(title.end, title.end + 2)) return true;
  if (following.text !== "of") return false;
  const countryAfter = countries.firstStartingWithin(following.end + 1, following.end + 5);
  if (!countryAfter || !/^\s*(?:the\s+)?$/i.test(text.slice(following.end, countryAfter.start))) return false;
  const after = text.slice(countryAfter.end, countryAfter.end + 3);
  return /^,\s/.test(after) && names.anyStartingBetween(countryAfter.end, countryAfter.end + 3);
}

/** An unnamed office-holder of a known country can still speak; the batch may name them elsewhere. */
function officeFor(name: string, country: string, title: TitleMatch, officeByKey: Map<string, Actor>, cast: Cast): Actor {
  const existing = officeByKey.get(nameKey(name));
  if (existing) return existing;
  const office = cast.add("office", name, country, [title.title], title.head, false);
  officeByKey.set(nameKey(name), office);
  return office;
}

/** /\s/ for the character at i; in ASCII only tab to carriage return and the space. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(text[i]);
}

/** The last letters of "the", "his", "her" and "their" in either case, by code (asked at every token). */
const DETERMINER_LAST_LETTERS = new Set([..."esrESR"].map((letter) => letter.charCodeAt(0)));

/**
 * Could DETERMINER_BEFORE match the six characters before `start`? Only if they end in white space
 * after an e, s or r ("the ", "his ", "her ", "their ").
 */
function mayFollowDeterminer(text: string, start: number): boolean {
  const windowStart = Math.max(0, start - 6);
  let i = start;
  while (i > windowStart && isSpaceAt(text, i - 1)) i--;
  return i < start && i > windowStart && DETERMINER_LAST_LETTERS.has(text.charCodeAt(i - 1));
}

/** "the", "his", "her" or "their" right before `start`, as DETERMINER_BEFORE finds it in the six characters there. */
function determinerBefore(text: string, start: number): RegExpExecArray | null {
  return mayFollowDeterminer(text, start) ? DETERMINER_BEFORE.exec(text.slice(Math.max(0, start - 6), start)) : null;
}

/** The person a nominal phrase refers to: same title (or any head title for "leader") and country. */
function resolveNominal(
  people: Actor[],
  names: NameMentions,
  position: number,
  title: string,
  head: boolean,
  country: string | null,
): number | null {
  // The fitting person named last before the phrase.
  let latest: { person: Actor; start: number } | null = null;
  for (const person of people) {
    if (!fitsNominal(person, title, head, country)) continue;
    const start = names.lastStartBefore(person.id, position);
    if (start !== undefined && (!latest || start > latest.start)) latest = { person, start };
  }
  if (latest) return latest.person.id;
  const later = people.filter((person) => fitsNominal(person, title, head, country));
  if (later.length === 1) return later[0].id;
  // "Foreign Minister Ana Ruiz" … "the Peruvian foreign minister": the one holder of the office whose
  // country the article did not say is that country's.
  if (country === null) return null;
  const unplaced = people.filter((person) => person.country === null && fitsNominal(person, title, head, null));
  if (unplaced.length !== 1) return null;
  unplaced[0].country = country;
  return unplaced[0].id;
}

/**
 * Could a nominal phrase with this title (and country, if any) refer to `person`? A bare office
 * refers to any portfolio of it: "the minister" to the foreign minister, "the spokesman" to the
 * ministry's spokesman.
 */
function fitsNominal(person: Actor, title: string, head: boolean, country: string | null): boolean {
  return (
    (country === null || person.country === country) &&
    // "the minister" is not the prime minister: a head of government holds no portfolio.
    (person.titles.some((held) => held === title || (held.endsWith(` ${title}`) && !person.head)) ||
      (title === "leader" && person.head) ||
      (head && person.head && person.titles.length === 0))
  );
}

/**
 * Where people are named, asked for every title in the text. No two name mentions start at the same
 * place (one per name run, and a lone surname only where no mention starts), so "the person named
 * last before a position" has one answer.
 */
class NameMentions {
  private readonly starts: number[];
  private readonly startsByActor = new Map<number, number[]>();

  constructor(mentions: ActorMention[]) {
    const named = mentions.filter((m) => m.via === "name").sort((a, b) => a.start - b.start);
    this.starts = named.map((m) => m.start);
    for (const mention of named) {
      const starts = this.startsByActor.get(mention.actor);
      if (starts) starts.push(mention.start);
      else this.startsByActor.set(mention.actor, [mention.start]);
    }
  }

  anyStartingBetween(from: number, to: number): boolean {
    const start = this.starts[firstIndexWhere(this.starts.length, (i) => this.starts[i] >= from)];
    return start !== undefined && start <= to;
  }

  lastStartBefore(actor: number, position: number): number | undefined {
    const starts = this.startsByActor.get(actor) ?? [];
    return starts[firstIndexWhere(starts.length, (i) => starts[i] >= position) - 1];
  }
}
