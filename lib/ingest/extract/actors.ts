import speech from "../../data/speech.json";
import { findCountryMentions, findInstitutionMentions, matchTitleAt, type CountryMention } from "../gazetteer";
import type { AnalyzedText, Token } from "../nlp";
import { firstIndexWhere, firstStartingAfter, firstStartingAtOrAfter, sentenceHoldingToken } from "./positions";
import { insideAny, type QuoteSpan } from "./quotes";

/** A person or institution that can speak. */
export interface Actor {
  id: number;
  /** "office": a titled official the article never names ("Peru's deputy foreign minister"). */
  kind: "person" | "institution" | "office";
  /** Full name as first introduced ("Marta Oliveira"), or the institution's name. */
  name: string;
  country: string | null;
  titles: string[];
  /** Holds a head-of-state or government title (president, prime minister, leader…). */
  head: boolean;
  /** A capital standing for its government ("Beijing said"): a speaker only right before a verb of saying. */
  metonym: boolean;
}

export interface ActorMention {
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  actor: number;
  via: "name" | "nominal" | "institution" | "pronoun";
  /** Preceded by a preposition: an object, not a subject. */
  oblique: boolean;
}

export interface ArticleActors {
  actors: Actor[];
  /** Mentions outside quotations, in text order (pronouns included, already resolved). */
  mentions: ActorMention[];
  /** Names mentioned inside quotations (for targets). */
  quotedMentions: ActorMention[];
  countries: CountryMention[];
}

const PARTICLES = new Set(["de", "del", "da", "dos", "van", "von", "bin", "al", "la", "le", "di", "du", "ibn"]);
const CALENDAR_WORDS = new Set(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);
const PREPOSITIONS = new Set(["with", "to", "from", "by", "against", "on", "of", "about", "at", "for", "toward", "towards", "over", "into", "onto", "between", "among", "than", "after", "before", "behind", "like"]);
const PRONOUNS = new Set(speech.pronouns);
const DETERMINER_BEFORE = /\b(the|his|her|their)\s+$/i;
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "mister"]);

/** Starts with an upper-case letter; asked of every token, so ASCII is answered without a regex. */
function isCapitalized(token: Token): boolean {
  const c = token.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}]/u.test(token.text);
}
/** A capitalised proper noun or noun (an upper-case letter is a letter: the token has one). */
const isName = (t: Token) => (t.pos === "PROPN" || t.pos === "NOUN") && isCapitalized(t);
const stripAccents = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "");

/** People are looked up by every name part of every other person: each name is folded once. */
const nameKeys = new Map<string, string>();
const NAME_KEYS_LIMIT = 20_000;

export function nameKey(s: string): string {
  let key = nameKeys.get(s);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEYS_LIMIT) nameKeys.clear();
    key = stripAccents(s).toLowerCase().replace(/[’']s$/, "").trim();
    nameKeys.set(s, key);
  }
  return key;
}

const letterCache = new Uint8Array(65536); // 0 unknown, 1 letter, 2 not
/** /\p{L}/u for one UTF-16 code unit, as introductionBefore asks it of every character of its window. */
function isLetterCode(c: number): boolean {
  let known = letterCache[c];
  if (known === 0) letterCache[c] = known = /\p{L}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/** What /,?\s*$/ removes: trailing white space and the comma right before it. */
function withoutTrailingComma(s: string): string {
  let end = s.length;
  while (end > 0 && /\s/.test(s[end - 1])) end--;
  if (end > 0 && s[end - 1] === ",") end--;
  return s.slice(0, end);
}

interface NameRun {
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
  tokens: Token[];
}

/** Maximal runs of proper nouns, possibly joined by name particles ("Luiz Inácio Lula da Silva"). */
function properNounRuns(analyzed: AnalyzedText): NameRun[] {
  const runs: NameRun[] = [];
  const { tokens } = analyzed;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!isName(token)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1];
      const adjacent = next.start === tokens[j].end + 1 || next.start === tokens[j].end;
      if (!adjacent) break;
      if (isName(next)) {
        j++;
      } else if (PARTICLES.has(next.normal) && tokens[j + 2] && isName(tokens[j + 2])) {
        j += 2;
      } else if (next.text === "-" && tokens[j + 2] && /^\p{L}+$/u.test(tokens[j + 2].text) && next.start === tokens[j].end && tokens[j + 2].start === next.end) {
        j += 2; // hyphenated given names: "Kwang-chol", "Do-yun", "McCarthy-Jones"
      } else if (isCapitalized(next) && /^\p{L}+$/u.test(next.text) && tokens[j + 2]?.text === "-" && tokens[j + 2].start === next.end) {
        j++; // "Do" in "Han Do-yun" is tagged as a verb
      } else break;
    }
    runs.push({ firstToken: i, lastToken: j, start: tokens[i].start, end: tokens[j].end, tokens: tokens.slice(i, j + 1) });
    i = j + 1;
  }
  return runs;
}

/** Title (and country) introducing a name: "Peru's deputy foreign minister, X", "U.S. President X", "the President of Peru, X". */
function introductionBefore(
  text: string,
  nameStart: number,
  countries: CountryMention[],
): { title: string; head: boolean; country: string | null } | null {
  const windowStart = Math.max(0, nameStart - 80);
  const before = text.slice(windowStart, nameStart);
  // Try every title ending right before the name (optionally followed by a comma).
  const trimmed = withoutTrailingComma(before);
  for (let offset = Math.max(0, trimmed.length - 40); offset < trimmed.length; offset++) {
    const absolute = windowStart + offset;
    if (offset > 0 && isLetterCode(text.charCodeAt(absolute - 1))) continue;
    const title = matchTitleAt(text, absolute);
    if (!title) continue;
    const tail = text.slice(title.end, windowStart + trimmed.length);
    let country: string | null = null;
    if (tail.trim() !== "") {
      // "the President of Peru, Marta Oliveira"
      const of = /^\s+of\s+(?:the\s+)?/i.exec(tail);
      if (!of) continue;
      const mention = startingAt(countries, title.end + of[0].length);
      if (!mention || mention.end !== windowStart + trimmed.length) continue;
      country = mention.country;
    }
    // A title that names its country: "Kremlin spokesman", "White House press secretary".
    country ??= firstWithin(countries, absolute, title.end)?.country ?? null;
    if (!country) country = countryRightBefore(text, countries, absolute)?.country ?? country;
    return { title: title.title, head: title.head, country };
  }
  return null;
}

/** "X, Peru's deputy foreign minister," / "X, the Ecuadorian president" */
function appositiveAfter(text: string, nameEnd: number, countries: CountryMention[]) {
  const match = /^,\s+(?:the\s+|a\s+|an\s+)?/i.exec(text.slice(nameEnd, nameEnd + 8));
  if (!match) return null;
  let position = nameEnd + match[0].length;
  let country: string | null = null;
  const mention = startingAt(countries, position);
  if (mention) {
    country = mention.country;
    position = mention.end + (text.slice(mention.end, mention.end + 1) === " " ? 1 : 0);
  }
  const title = matchTitleAt(text, position);
  if (!title) return null;
  return { title: title.title, head: title.head, country };
}

export function findActors(analyzed: AnalyzedText, quotes: QuoteSpan[], speechLemmas: Set<string>): ArticleActors {
  const { text, tokens } = analyzed;
  const countries = findCountryMentions(text);
  const institutions = findInstitutionMentions(text);
  const actors: Actor[] = [];
  const raw: ActorMention[] = [];
  const tokenIndexAtOrAfter = (position: number) => firstTokenEndingAfter(tokens, position);
  const overlapsGazetteer = (start: number, end: number) => overlapsAny(countries, start, end) || overlapsAny(institutions, start, end);

  // 1. Name runs, with the titles and countries that introduce them stripped off.
  interface Candidate { run: NameRun; name: string; key: string; title: string | null; head: boolean; country: string | null; speaks: boolean }
  const candidates: Candidate[] = [];
  for (const run of properNounRuns(analyzed)) {
    let first = 0;
    let title: { title: string; head: boolean } | null = null;
    let country: string | null = null;
    // Strip leading countries, demonyms and titles that the run swallowed ("French President Luc Moreau").
    for (let k = 0; k < run.tokens.length; k++) {
      const token = run.tokens[k];
      const inCountry = containing(countries, token.start, token.end);
      if (inCountry) {
        country = inCountry.country;
        first = k + 1;
        continue;
      }
      if (HONORIFICS.has(token.normal.replace(/\.$/, ""))) {
        first = k + 1; // "Mr Wozniak" is Wozniak
        continue;
      }
      const matched = matchTitleAt(text, token.start);
      if (matched && matched.end <= run.end) {
        title = { title: matched.title, head: matched.head };
        while (k + 1 < run.tokens.length && run.tokens[k + 1].start < matched.end) k++;
        first = k + 1;
        continue;
      }
      // A portfolio the title list does not know: "Unification Minister Kim…", "Agriculture Secretary…".
      const portfolio = k + 1 < run.tokens.length ? matchTitleAt(text, run.tokens[k + 1].start) : null;
      if (portfolio && portfolio.end < run.end && !portfolio.head) {
        title = { title: `${token.normal} ${portfolio.title}`, head: false };
        while (k + 1 < run.tokens.length && run.tokens[k + 1].start < portfolio.end) k++;
        first = k + 1;
        continue;
      }
      break;
    }
    const nameTokens = run.tokens.slice(first).filter((t) => !/^[’']s$/.test(t.text));
    if (nameTokens.length === 0) continue;
    const start = nameTokens[0].start;
    const end = nameTokens[nameTokens.length - 1].end;
    const name = text.slice(start, end).replace(/[’']s$/, "");
    if (name.length < 2 || nameTokens.every((t) => CALENDAR_WORDS.has(t.normal))) continue;
    if (overlapsGazetteer(start, end)) continue;
    const introduction = introductionBefore(text, title ? run.start : start, countries);
    // "Ecuadorian President Ana Ruiz": a demonym the run did not swallow.
    const adjacentCountry = endingJustBefore(countries, run.start, 1)?.country ?? null;
    const apposition = appositiveAfter(text, end, countries);
    const next = tokens[run.lastToken + 1];
    const afterNext = tokens[run.lastToken + 2];
    const previous = tokens[run.firstToken - 1];
    const speaks =
      speaksAfterAppositive(tokens, run.lastToken, speechLemmas) ||
      isSpeechVerb(next, speechLemmas) ||
      (next?.pos === "ADV" && isSpeechVerb(afterNext, speechLemmas)) ||
      (isSpeechVerb(previous, speechLemmas) && /^[,.;]?$/.test(next?.text ?? "."));
    candidates.push({
      run: { ...run, start, end },
      name,
      key: nameKey(name),
      title: title?.title ?? introduction?.title ?? apposition?.title ?? null,
      head: Boolean(title?.head ?? introduction?.head ?? apposition?.head),
      country: country ?? adjacentCountry ?? introduction?.country ?? apposition?.country ?? null,
      speaks,
    });
  }

  // 2. People: a run is a person when it is introduced by a title, speaks, or is the full form of one that does.
  const personByKey = new Map<string, Actor>();
  const people: Actor[] = [];
  // What `people.find` would pick by a name's last part, and by any of its parts.
  const personByLastPart = new Map<string, Actor>();
  const personByPart = new Map<string, Actor>();
  const singleSpeakers = new Set(candidates.filter((c) => !c.name.includes(" ") && (c.speaks || c.title)).map((c) => c.key));
  // Asked of every person for every lone surname.
  const partsByName = new Map<string, string[]>();
  const nameParts = (name: string) => {
    let parts = partsByName.get(name);
    if (!parts) partsByName.set(name, (parts = nameKey(name).split(/\s+/)));
    return parts;
  };
  const fullNamesFirst = [...candidates].sort((x, y) => Number(!x.name.includes(" ")) - Number(!y.name.includes(" ")) || x.run.start - y.run.start);
  for (const candidate of fullNamesFirst) {
    const key = candidate.key;
    const parts = nameParts(candidate.name);
    const isPerson =
      candidate.title !== null ||
      candidate.speaks ||
      (parts.length > 1 && parts.length <= 4 && singleSpeakers.has(parts[parts.length - 1]));
    if (!isPerson) continue;
    let actor = personByKey.get(key);
    if (!actor && parts.length === 1) {
      // A lone surname refers to the person whose full name ends with it (or, failing that, contains it).
      actor = personByLastPart.get(key) ?? personByPart.get(key);
    }
    if (!actor) {
      actor = { id: actors.length, kind: "person", name: candidate.name, country: null, titles: [], head: false, metonym: false };
      actors.push(actor);
      people.push(actor);
      const parts = nameParts(actor.name);
      if (!personByLastPart.has(parts[parts.length - 1])) personByLastPart.set(parts[parts.length - 1], actor);
      for (const part of parts) if (!personByPart.has(part)) personByPart.set(part, actor);
    }
    personByKey.set(key, actor);
    if (candidate.title && !actor.titles.includes(candidate.title)) actor.titles.push(candidate.title);
    actor.head ||= candidate.head;
    actor.country ??= candidate.country;
    raw.push({
      start: candidate.run.start,
      end: candidate.run.end,
      firstToken: tokenIndexAtOrAfter(candidate.run.start),
      lastToken: tokenIndexAtOrAfter(candidate.run.end - 1),
      actor: actor.id,
      via: "name",
      oblique: false,
    });
  }
  // Surnames seen before the full name was introduced (headlines, ledes) point to that person too.
  const mentionStarts = new Set(raw.map((m) => m.start));
  for (const candidate of candidates) {
    if (candidate.name.includes(" ")) continue;
    const key = candidate.key;
    if (mentionStarts.has(candidate.run.start)) continue;
    const person = personByLastPart.get(key);
    if (!person) continue;
    mentionStarts.add(candidate.run.start);
    raw.push({
      start: candidate.run.start,
      end: candidate.run.end,
      firstToken: tokenIndexAtOrAfter(candidate.run.start),
      lastToken: tokenIndexAtOrAfter(candidate.run.end - 1),
      actor: person.id,
      via: "name",
      oblique: false,
    });
  }

  // 3. Institutions ("Peru's Foreign Ministry", "the Kremlin", "KCNA").
  const institutionByKey = new Map<string, Actor>();
  for (const mention of institutions) {
    if (isInDateline(text, mention.start)) continue;
    const key = nameKey(mention.name);
    let actor = institutionByKey.get(key);
    if (!actor) {
      actor = {
        id: actors.length,
        kind: "institution",
        name: mention.name,
        country: mention.country,
        titles: [],
        head: false,
        metonym: mention.kind === "capital",
      };
      actors.push(actor);
      institutionByKey.set(key, actor);
    }
    raw.push({
      start: mention.start,
      end: mention.end,
      firstToken: tokenIndexAtOrAfter(mention.start),
      lastToken: tokenIndexAtOrAfter(mention.end - 1),
      actor: actor.id,
      via: "institution",
      oblique: false,
    });
  }

  // 4. Nominal mentions: "the president", "the Peruvian leader", "Peru's president", "the US President".
  // Names are all known by now; the steps below add only institutions and nominal mentions.
  const names = new NameMentions(raw);
  const officeByKey = new Map<string, Actor>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    // Country qualifier right before the title, possibly after "the".
    const qualifier = endingJustBefore(countries, token.start, 2);
    // A reference needs the qualifier or a determiner (below): checking that first spares the title lookup at most tokens.
    if (!qualifier && !determinerBefore(text, token.start)) continue;
    const title = matchTitleAt(text, token.start);
    if (!title) continue;
    const titleEndToken = tokenIndexAtOrAfter(title.end - 1);
    const following = tokens[titleEndToken + 1];
    // A title followed by a name is part of that name's introduction, handled above.
    if (following && names.anyStartingBetween(title.end, title.end + 2)) continue;
    if (following && following.text === "of") {
      const countryAfter = firstStartingWithin(countries, following.end + 1, following.end + 5);
      if (countryAfter && /^\s*(?:the\s+)?$/i.test(text.slice(following.end, countryAfter.start))) {
        const after = text.slice(countryAfter.end, countryAfter.end + 3);
        if (/^,\s/.test(after) && names.anyStartingBetween(countryAfter.end, countryAfter.end + 3)) continue;
      }
    }
    let start = token.start;
    let country: string | null = null;
    if (qualifier) {
      country = qualifier.country;
      start = qualifier.start;
    }
    const determiner = determinerBefore(text, start);
    if (!determiner && !qualifier) continue; // bare "President" without "the" is a name prefix, not a reference
    if (determiner) start -= determiner[0].length;
    const ofCountry = following?.text === "of" ? firstStartingWithin(countries, following.end, following.end + 5) : undefined;
    if (ofCountry && !country) country = ofCountry.country;
    let referent = resolveNominal(people, names, start, title.title, title.head, country);
    if (referent === null && country) {
      // An unnamed office-holder of a known country can still speak; the batch may name them elsewhere.
      const name = text.slice(determiner ? start + determiner[0].length : start, ofCountry ? ofCountry.end : title.end).replace(/\s+/g, " ");
      const existing = officeByKey.get(nameKey(name));
      const office = existing ?? { id: actors.length, kind: "office" as const, name, country, titles: [title.title], head: title.head, metonym: false };
      if (!existing) {
        actors.push(office);
        officeByKey.set(nameKey(name), office);
      }
      referent = office.id;
    }
    if (referent === null) continue;
    raw.push({
      start,
      end: ofCountry ? ofCountry.end : title.end,
      firstToken: tokenIndexAtOrAfter(start),
      lastToken: tokenIndexAtOrAfter((ofCountry ? ofCountry.end : title.end) - 1),
      actor: referent,
      via: "nominal",
      oblique: false,
    });
    index = titleEndToken;
  }

  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const deduped: ActorMention[] = [];
  for (const mention of raw) {
    const last = deduped[deduped.length - 1];
    if (last && mention.start < last.end) continue;
    deduped.push(mention);
  }
  for (const mention of deduped) {
    const before = tokens[mention.firstToken - 1];
    const beforeDeterminer = tokens[mention.firstToken - 2];
    mention.oblique =
      Boolean(before && PREPOSITIONS.has(before.normal)) ||
      Boolean(before && /^(the|a)$/.test(before.normal) && beforeDeterminer && PREPOSITIONS.has(beforeDeterminer.normal));
  }
  const outside = deduped.filter((m) => !insideAny(m.start, quotes));
  const quoted = deduped.filter((m) => insideAny(m.start, quotes));
  const mentions = withPronouns(analyzed, outside, quotes, actors, speechLemmas);
  // Press convention: an unqualified "President Han" or "Foreign Office spokesperson" in a story
  // datelined in a country's capital belongs to that country.
  const place = datelineSpan(text);
  const home = place ? countries.find((c) => c.start >= place.start && c.end <= place.end)?.country ?? null : null;
  if (home) for (const actor of actors) if (actor.kind === "person" && actor.titles.length && !actor.country) actor.country = home;
  return { actors, mentions, quotedMentions: quoted, countries };
}

function isSpeechVerb(token: Token | undefined, speechLemmas: Set<string>): boolean {
  return Boolean(token && speechLemmas.has(token.lemma) && token.pos === "VERB");
}

/**
 * "<Name>, a vice-department director of …, said": the name ending at `lastToken` speaks.
 * A function of the module, not a closure made per name run: tsx (the CLI and the benchmarks run
 * through it) names every closure it creates, and that costs more than the check.
 */
function speaksAfterAppositive(tokens: Token[], lastToken: number, speechLemmas: Set<string>): boolean {
  if (tokens[lastToken + 1]?.text !== "," || !["DET", "NOUN", "ADJ"].includes(tokens[lastToken + 2]?.pos ?? "")) return false;
  for (let k = lastToken + 2; k < Math.min(tokens.length - 1, lastToken + 25); k++) {
    if (tokens[k].text === "." || tokens[k].pos === "VERB") return false;
    if (tokens[k].text === "," && isSpeechVerb(tokens[k + 1], speechLemmas)) return true;
  }
  return false;
}

// Gazetteer mentions come sorted and without overlaps, so their ends increase too: each question
// below is one binary search instead of a scan per name run or token.

/** Index of the first span whose end is at least `position` (spans.length when none). */
function firstEndingAtOrAfter(spans: { end: number }[], position: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle].end >= position) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The first span that contains [start, end). */
function containing<T extends { start: number; end: number }>(spans: T[], start: number, end: number): T | undefined {
  const span = spans[firstEndingAtOrAfter(spans, end)];
  return span && span.start <= start ? span : undefined;
}

function overlapsAny(spans: { start: number; end: number }[], start: number, end: number): boolean {
  const span = spans[firstEndingAtOrAfter(spans, start + 1)];
  return span !== undefined && span.start < end;
}

/** The last span that ends at most `gap` characters before `position`. */
function endingJustBefore<T extends { end: number }>(spans: T[], position: number, gap: number): T | undefined {
  const span = spans[firstEndingAtOrAfter(spans, position + 1) - 1];
  return span && position - span.end <= gap ? span : undefined;
}

/** The first token that ends after `position`, else the last; token ends never decrease. */
function firstTokenEndingAfter(tokens: Token[], position: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle].end > position) high = middle;
    else low = middle + 1;
  }
  return low < tokens.length ? low : tokens.length - 1;
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

/** Asked once per institution mention of the same article. */
let lastDateline: { text: string; span: { start: number; end: number } | null } | null = null;

/** "WASHINGTON —" and "Washington, Jan 8,2026:" open an article without anyone speaking. */
function isInDateline(text: string, position: number): boolean {
  const span = datelineSpan(text);
  return span !== null && position >= span.start && position < span.end;
}

/**
 * The place that opens a story — "WASHINGTON —", "SEOUL, April 14 (Yonhap) --", "ISLAMABAD:",
 * "NEW DELHI, March 3 (Reuters) -" — in one of its first paragraphs.
 */
export function datelineSpan(text: string): { start: number; end: number } | null {
  if (lastDateline?.text !== text) lastDateline = { text, span: computeDatelineSpan(text) };
  return lastDateline.span && { ...lastDateline.span };
}

function computeDatelineSpan(text: string): { start: number; end: number } | null {
  let offset = 0;
  for (const line of text.split("\n", 6)) {
    const match = /^([\p{Lu}][\p{L}.'’ /-]{1,40}?)(?:,[^\n]{0,40}?(?:\s[–—-]{1,2}\s|:\s|\/\.?\s)|:\s|\s[–—-]{1,2}\s)/u.exec(line);
    if (match && !/\s\p{Ll}/u.test(match[1])) return { start: offset, end: offset + match[0].length };
    offset += line.length + 1;
  }
  return null;
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
  return later.length === 1 ? later[0].id : null;
}

/** Could a nominal phrase with this title (and country, if any) refer to `person`? */
function fitsNominal(person: Actor, title: string, head: boolean, country: string | null): boolean {
  return (
    (country === null || person.country === country) &&
    (person.titles.includes(title) || (title === "leader" && person.head) || (head && person.head && person.titles.length === 0))
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

// Country mentions come sorted and without overlapping (see below): starts and ends both increase.

function startingAt<T extends { start: number }>(spans: T[], position: number): T | undefined {
  const span = spans[firstStartingAtOrAfter(spans, position)];
  return span?.start === position ? span : undefined;
}

/** The first span starting in [from, to]. */
function firstStartingWithin<T extends { start: number }>(spans: T[], from: number, to: number): T | undefined {
  const span = spans[firstStartingAtOrAfter(spans, from)];
  return span && span.start <= to ? span : undefined;
}

/** The first span lying within [from, to]. */
function firstWithin<T extends { start: number; end: number }>(spans: T[], from: number, to: number): T | undefined {
  for (let i = firstStartingAtOrAfter(spans, from); i < spans.length && spans[i].start <= to; i++) {
    if (spans[i].end <= to) return spans[i];
  }
  return undefined;
}

/**
 * A country right before a title, perhaps with "the" between: the last country separated from `position` only by
 * white space and "the", if it ends at most two characters before. The last such country ending
 * any earlier could not be that close, so only the ones ending in the last two characters are tried.
 */
function countryRightBefore(text: string, countries: CountryMention[], position: number): CountryMention | undefined {
  for (let i = firstStartingAfter(countries, position) - 1; i >= 0 && countries[i].end >= position - 2; i--) {
    const country = countries[i];
    if (country.end <= position && /^\s*(?:the\s*)?$/i.test(text.slice(country.end, position))) return country;
  }
  return undefined;
}

/** Resolves "he"/"she" to the most salient person: the subject of the current or a recent sentence. */
function withPronouns(
  analyzed: AnalyzedText,
  mentions: ActorMention[],
  quotes: QuoteSpan[],
  actors: Actor[],
  speechLemmas: Set<string>,
): ActorMention[] {
  const result: ActorMention[] = [];
  // The last one who spoke is the likeliest "he": "Peru's president called it “shameful”. He also suggested…"
  const speaks = (mention: ActorMention) => {
    let next = mention.lastToken + 1;
    while (analyzed.tokens[next] && ["ADV", "AUX"].includes(analyzed.tokens[next].pos)) next++;
    const token = analyzed.tokens[next];
    return Boolean(token && token.pos === "VERB" && speechLemmas.has(token.lemma));
  };
  const isPerson = (id: number) => actors[id]?.kind === "person";
  const sentenceOf = (tokenIndex: number) => sentenceHoldingToken(analyzed.sentences, tokenIndex);
  // A mention within a sentence starts in it: each pronoun looks only at the mentions of a few sentences.
  const resultBySentence = new Map<number, ActorMention[]>();
  const add = (mention: ActorMention) => {
    result.push(mention);
    const sentence = sentenceOf(mention.firstToken);
    const group = resultBySentence.get(sentence);
    if (group) group.push(mention);
    else resultBySentence.set(sentence, [mention]);
  };
  let cursor = 0;
  for (const token of analyzed.tokens) {
    if (!PRONOUNS.has(token.normal) || insideAny(token.start, quotes)) continue;
    while (cursor < mentions.length && mentions[cursor].start < token.start) add(mentions[cursor++]);
    const here = sentenceOf(token.index);
    let referent: number | null = null;
    for (let s = here; s >= Math.max(0, here - 4) && referent === null; s--) {
      const sentence = analyzed.sentences[s];
      const inSentence = (resultBySentence.get(s) ?? []).filter(
        (m) => isPerson(m.actor) && m.firstToken >= sentence.firstToken && m.lastToken <= sentence.lastToken && m.start < token.start,
      );
      if (inSentence.length === 0) continue;
      const subject =
        (s < here ? inSentence.filter(speaks).at(-1) : undefined) ??
        inSentence.find((m) => !m.oblique && m.via !== "pronoun") ??
        inSentence.find((m) => !m.oblique) ??
        inSentence[inSentence.length - 1];
      referent = subject.actor;
    }
    if (referent === null) continue;
    add({
      start: token.start,
      end: token.end,
      firstToken: token.index,
      lastToken: token.index,
      actor: referent,
      via: "pronoun",
      oblique: Boolean(analyzed.tokens[token.index - 1] && PREPOSITIONS.has(analyzed.tokens[token.index - 1].normal)),
    });
  }
  while (cursor < mentions.length) result.push(mentions[cursor++]);
  return result;
}
