import { matchTitleAt, TITLE_DATA, type CountryMention, type InstitutionMention, type TitleMatch } from "../../gazetteer";
import type { AnalyzedText, Token } from "../../nlp";
import { nameKey } from "./names";
import type { SortedSpans } from "./spans";

const PARTICLES = new Set(["de", "del", "da", "dos", "van", "von", "bin", "al", "el", "la", "le", "di", "du", "ibn"]);
const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));
const CALENDAR_WORDS = new Set([...WEEKDAYS, ..."january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split(" ")]);
const HONORIFICS = new Set(TITLE_DATA.honorifics);

interface NameRun {
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
  tokens: Token[];
}

/** A run of proper nouns that may name a person, with what the text says of them. */
export interface NameCandidate {
  run: NameRun;
  name: string;
  key: string;
  title: string | null;
  head: boolean;
  country: string | null;
  /** A verb of saying right after the name (or its appositive), or right before it. */
  speaks: boolean;
}

/** Name runs, with the titles and countries that introduce them stripped off. */
export function nameCandidates(
  analyzed: AnalyzedText,
  countries: SortedSpans<CountryMention>,
  institutions: SortedSpans<InstitutionMention>,
  speechLemmas: Set<string>,
): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  const runs = properNounRuns(analyzed);
  const surnames = calendarSurnames(runs, analyzed.tokens);
  for (const run of runs) {
    const candidate = candidateOf(run, analyzed, countries, institutions, speechLemmas, surnames);
    if (candidate) candidates.push(candidate);
  }
  return candidates;
}

/**
 * Calendar words that end a longer name in the article ("Theresa May"): alone, not before a
 * number ("May 6"), such a word is that person ("May said") rather than the month.
 */
function calendarSurnames(runs: NameRun[], tokens: Token[]): Set<string> {
  const surnames = new Set<string>();
  for (const run of runs) {
    const last = run.tokens[run.tokens.length - 1];
    if (run.tokens.length >= 2 && CALENDAR_WORDS.has(last.normal) && !CALENDAR_WORDS.has(run.tokens[0].normal) && tokens[run.lastToken + 1]?.pos !== "NUM") surnames.add(last.normal);
  }
  return surnames;
}

/**
 * "secretary of Iran's Supreme National Security Council Ali Shamkhani": a body's name runs into
 * the person's; the person's name is what follows the body (two words at least).
 */
function afterLeadingBody(nameTokens: Token[], institutions: SortedSpans<InstitutionMention>): Token[] {
  const body = nameTokens.length > 2 ? institutions.containing(nameTokens[0].start, nameTokens[0].end) : undefined;
  if (!body) return nameTokens;
  const rest = nameTokens.filter((t) => t.start >= body.end);
  return rest.length >= 2 ? rest : nameTokens;
}

function candidateOf(
  run: NameRun,
  analyzed: AnalyzedText,
  countries: SortedSpans<CountryMention>,
  institutions: SortedSpans<InstitutionMention>,
  speechLemmas: Set<string>,
  calendarSurnames: Set<string>,
): NameCandidate | null {
  const { text, tokens } = analyzed;
  if (isTitleTail(run, text)) return null;
  const { first, title, country } = swallowedIntroduction(run, text, countries);
  // "on Monday Berg summoned": a day after its preposition is no part of the name after it.
  const dayFirst = first === 0 && run.tokens.length > 1 && isWeekday(run.tokens[0]) && tokens[run.firstToken - 1]?.pos === "ADP";
  const nameTokens = afterLeadingBody(
    run.tokens.slice(dayFirst ? 1 : first).filter((t) => !/^[’']s$/.test(t.text)),
    institutions,
  );
  if (nameTokens.length === 0) return null;
  const start = nameTokens[0].start;
  const end = nameTokens[nameTokens.length - 1].end;
  const name = text.slice(start, end).replace(/[’']s$/, "");
  if (name.length < 2 || nameTokens.every((t) => CALENDAR_WORDS.has(t.normal) && !isCalendarSurname(t, tokens, calendarSurnames))) return null;
  if (countries.overlaps(start, end) || institutions.overlaps(start, end)) return null;
  // "leaving the EU": a lone word after "the" names an organisation or a thing, not a person.
  if (nameTokens.length === 1 && first === 0 && tokens[run.firstToken - 1]?.normal === "the") return null;
  const introduction = introductionBefore(text, title ? run.start : start, countries) ?? officeIntroductionBefore(text, title ? run.start : start, institutions);
  // "Ecuadorian President Ana Ruiz": a demonym the run did not swallow.
  const adjacentCountry = countries.endingJustBefore(run.start, 1)?.country ?? countryBeforeJoinedTitle(text, run.start, countries) ?? countryBeforeWhose(text, run.start, countries);
  const apposition = appositiveAfter(text, end, countries);
  const next = tokens[run.lastToken + 1];
  const previous = tokens[run.firstToken - 1];
  const speaks =
    speaksAfterAppositive(tokens, run.lastToken, speechLemmas) ||
    speaksAfterName(tokens, run.lastToken, speechLemmas) ||
    (isSpeechVerb(previous, speechLemmas) && /^[,.;]?$/.test(next?.text ?? ".")) ||
    // "the agency cited Shamkhani as saying": the one quoted speaks.
    (next?.normal === "as" && tokens[run.lastToken + 2]?.normal === "saying");
  return {
    run: { ...run, start, end },
    name,
    key: nameKey(name),
    title: title?.title ?? introduction?.title ?? apposition?.title ?? null,
    head: Boolean(title?.head ?? introduction?.head ?? apposition?.head),
    country: country ?? adjacentCountry ?? introduction?.country ?? apposition?.country ?? null,
    speaks,
  };
}

/** Capitalised words of a first title joined by "and" to the run's ("Peruvian State Councilor and …"). */
const JOINED_TITLE = /((?:\p{Lu}[\p{L}-]*\s+){1,3})and\s+$/u;
/** What JOINED_TITLE needs at its end: most runs follow no "and", and this finds that in one scan. */
const ENDS_IN_AND = /and\s+$/;

/**
 * "Peru's own Foreign Minister Ana Ruiz", "Peruvian State Councilor and Foreign Minister Ana Ruiz":
 * the country before a word or a first title that stands between it and the run.
 */
function countryBeforeJoinedTitle(text: string, runStart: number, countries: SortedSpans<CountryMention>): string | null {
  const own = /\s+own\s+$/.exec(text.slice(Math.max(0, runStart - 6), runStart));
  if (own) return countries.endingJustBefore(runStart - own[0].length, 0)?.country ?? null;
  const before = text.slice(Math.max(0, runStart - 60), runStart);
  const joined = ENDS_IN_AND.test(before) ? JOINED_TITLE.exec(before) : null;
  if (!joined) return null;
  const wordsStart = runStart - joined[0].length;
  const country = countries.startingAt(wordsStart) ?? countries.endingJustBefore(wordsStart, POSSESSIVE_GAP);
  if (!country) return null;
  const titleStart = Math.max(wordsStart, country.end + (text[country.end] === " " ? 1 : 3));
  return matchTitleAt(text, titleStart) ? country.country : null;
}

/** Before a run: "to" or "to the", as in "ambassador to Chile" (a posting, not a nationality), but not "according to". */
const POSTED_TO = /(?<!\baccording\s)\bto\s+(?:the\s+)?$/i;

const POSSESSIVE_BEFORE = /\b(?:his|her|its|their|our|my|your)\s+$/i;

/** Characters between a country and the title after it: a space, or "'s ". */
const POSSESSIVE_GAP = 3;

/** How far before a run a title joined to it by "of" may begin ("Minister of State for Foreign Affairs"). */
const STRADDLE_REACH = 30;

interface Straddling {
  title: string;
  head: boolean;
  start: number;
  end: number;
}

/** "State Minister for | Foreign Affairs": the run is the end of a title begun before it, no name. */
function isTitleTail(run: NameRun, text: string): boolean {
  const from = Math.max(0, run.start - STRADDLE_REACH);
  if (!/\b(?:of|for)\s+(?:the\s+)?$/.test(text.slice(from, run.start))) return false;
  for (let position = from; position < run.start; position++) {
    if (position > 0 && /[\p{L}\p{N}]/u.test(text[position - 1])) continue;
    if (matchTitleAt(text, position)?.end === run.end) return true;
  }
  return false;
}

function titleStraddling(run: NameRun, text: string): Straddling | null {
  const from = Math.max(0, run.start - STRADDLE_REACH);
  if (!/\bof\s+(?:the\s+)?$/.test(text.slice(from, run.start))) return null;
  for (let position = from; position < run.start; position++) {
    if (position > 0 && /[\p{L}\p{N}]/u.test(text[position - 1])) continue;
    const matched = matchTitleAt(text, position);
    if (matched && matched.end > run.start && matched.end < run.end) return { title: matched.title, head: matched.head, start: position, end: matched.end };
  }
  return portfolioOfTitle(run, text);
}

/**
 * "Minister of Agrarian Policy Mykola Solskyi": a title joined by "of" to a portfolio the title list
 * does not know. Capitals cannot tell the portfolio from the name, so a run of three words or more
 * leaves its last two to the name, the most common length of a name in the news.
 */
function portfolioOfTitle(run: NameRun, text: string): Straddling | null {
  if (run.tokens.length < 3) return null;
  const before = /(?:^|[^\p{L}])(\p{L}+)\s+of\s+$/u.exec(text.slice(Math.max(0, run.start - STRADDLE_REACH), run.start));
  if (!before) return null;
  const wordStart = run.start - before[0].length + before[0].indexOf(before[1]);
  const title = matchTitleAt(text, wordStart);
  if (!title || title.end !== wordStart + before[1].length || title.head) return null;
  return { title: title.title, head: false, start: wordStart, end: run.tokens[run.tokens.length - 3].end };
}

/**
 * The leading countries, demonyms, honorifics and titles that the run swallowed ("French President
 * Luc Moreau"): the index of the run's first name token, and the title and country they give.
 */
function swallowedIntroduction(
  run: NameRun,
  text: string,
  countries: SortedSpans<CountryMention>,
): { first: number; title: { title: string; head: boolean } | null; country: string | null } {
  let first = 0;
  let title: { title: string; head: boolean } | null = null;
  let country: string | null = null;
  // A title that began before the run and ends inside it: "Minister of | Foreign Affairs Mevlut Cavusoglu".
  const straddling = titleStraddling(run, text);
  if (straddling) {
    title = { title: straddling.title, head: straddling.head };
    while (first < run.tokens.length && run.tokens[first].start < straddling.end) first++;
    // "Ukraine's Minister of …", "Turkish Minister of …": the country before the title.
    country = countries.endingJustBefore(straddling.start, POSSESSIVE_GAP)?.country ?? null;
  }
  for (let k = first; k < run.tokens.length; k++) {
    const token = run.tokens[k];
    const inCountry = countries.containing(token.start, token.end);
    if (inCountry) {
      // "ambassador to Chile Luc Moreau": the country of a posting is not the person's.
      if (k !== 0 || !POSTED_TO.test(text.slice(Math.max(0, run.start - 18), run.start))) country = inCountry.country;
      first = k + 1;
      continue;
    }
    if (HONORIFICS.has(token.normal.replace(/\.$/, ""))) {
      first = k + 1; // "Mr Wozniak" is Wozniak
      continue;
    }
    const matched = matchTitleAt(text, token.start);
    // "Amir-Abdollahian": a title's word joined to the next by a hyphen is part of a name.
    if (matched && matched.end <= run.end && text[matched.end] !== "-") {
      title = { title: matched.title, head: matched.head };
      while (k + 1 < run.tokens.length && run.tokens[k + 1].start < matched.end) k++;
      first = k + 1;
      continue;
    }
    // A portfolio the title list does not know, of a word or two: "Unification Minister Kim…",
    // "Agriculture Secretary…", "Chief Cabinet Secretary…".
    const words = portfolioWords(run, k, text);
    if (words) {
      const { portfolio, words: count } = words;
      title = { title: `${run.tokens.slice(k, k + count).map((t) => t.normal).join(" ")} ${portfolio.title}`, head: false };
      while (k + 1 < run.tokens.length && run.tokens[k + 1].start < portfolio.end) k++;
      first = k + 1;
      continue;
    }
    break;
  }
  return { first, title, country };
}

/** Words of a portfolio the title list does not know, before an office it does. */
const PORTFOLIO_WORDS = 2;

/** The known office after one or two words from token `k` of the run, with a name still to follow. */
function portfolioWords(run: NameRun, k: number, text: string): { portfolio: TitleMatch; words: number } | null {
  for (let words = 1; words <= PORTFOLIO_WORDS && k + words < run.tokens.length; words++) {
    const portfolio = matchTitleAt(text, run.tokens[k + words].start);
    if (portfolio) return portfolio.end < run.end && !portfolio.head ? { portfolio, words } : null;
  }
  return null;
}

const isWeekday = (token: Token) => WEEKDAYS.has(token.normal);

function isCalendarSurname(token: Token, tokens: Token[], surnames: Set<string>): boolean {
  return surnames.has(token.normal) && tokens[token.index + 1]?.pos !== "NUM";
}

/** Starts with an upper-case letter; asked of every token, so ASCII is answered without a regex. */
function isCapitalized(token: Token): boolean {
  const c = token.text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^[\p{Lu}]/u.test(token.text);
}
const isLettersOnly = (text: string) => /^\p{L}+$/u.test(text);
/** A capital the tokenizer cut from the rest of its word ("Ł" "ukasiewicz", "Ö" "zil"). */
const isCutCapital = (token: Token, next: Token | undefined) =>
  next !== undefined && next.start === token.end && isCapitalized(token) && isLettersOnly(token.text) && isLettersOnly(next.text);
/** A capitalised proper noun or noun (an upper-case letter is a letter: the token has one). */
const isName = (t: Token) => (t.pos === "PROPN" || t.pos === "NOUN") && isCapitalized(t);

/** Maximal runs of proper nouns, possibly joined by name particles ("Luiz Inácio Lula da Silva"). */
function properNounRuns(analyzed: AnalyzedText): NameRun[] {
  const runs: NameRun[] = [];
  const { tokens } = analyzed;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!isName(token) && !isCutCapital(token, tokens[i + 1])) {
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
      } else if (isCutCapital(next, tokens[j + 2])) {
        j += 2; // "Ł" "ukasiewicz": a name the tokenizer cut after its first letter
      } else if (next.start === tokens[j].end && isLettersOnly(next.text)) {
        j++; // a name the tokenizer cut at a letter beyond ASCII: "Davuto" "ğ" "lu"
      } else if (PARTICLES.has(next.normal) && tokens[j + 2]?.text === "-" && tokens[j + 3] && isName(tokens[j + 3]) && tokens[j + 2].start === next.end && tokens[j + 3].start === tokens[j + 2].end) {
        j += 3; // "Adel al-Jubeir", "Abd el-Fattah"
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

/** Title (and country) introducing a name: "Peru's deputy foreign minister, X", "U.S. President X", "the President of Peru, X". */
function introductionBefore(
  text: string,
  start: number,
  countries: SortedSpans<CountryMention>,
): { title: string; head: boolean; country: string | null } | null {
  // "Kuwait's Foreign Minister, Sheikh Ahmad …": the office is introduced before the form of address.
  const address = /(\p{L}+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 12), start));
  const nameStart = address && HONORIFICS.has(address[1].toLowerCase()) ? start - address[0].length : start;
  const windowStart = Math.max(0, nameStart - 80);
  const before = text.slice(windowStart, nameStart);
  // Try every title ending right before the name (optionally followed by a comma).
  const trimmed = withoutTrailingComma(before);
  for (let offset = Math.max(0, trimmed.length - 40); offset < trimmed.length; offset++) {
    const absolute = windowStart + offset;
    if (offset > 0 && isLetterCode(text.charCodeAt(absolute - 1))) continue;
    const title = matchTitleAt(text, absolute);
    if (!title) continue;
    // "his official Twitter page": after a possessive the word describes, it does not introduce a name.
    if (POSSESSIVE_BEFORE.test(text.slice(Math.max(0, absolute - 7), absolute))) continue;
    const tail = text.slice(title.end, windowStart + trimmed.length);
    let country: string | null = null;
    if (tail.trim() !== "") {
      // "the President of Peru, Marta Oliveira"; "Peru's ambassador to Chile, Luc Moreau"
      const of = /^\s+(of|to)\s+(?:the\s+)?/i.exec(tail);
      const mention = of ? countries.startingAt(title.end + of[0].length) : undefined;
      if (of && mention && mention.end === windowStart + trimmed.length) {
        if (of[1].toLowerCase() === "of") country = mention.country;
      } else if (!/,\s*$/.test(before) || !PORTFOLIO_TAIL.test(tail)) continue; // a portfolio only before ", Name"
    }
    // A title that names its country: "Kremlin spokesman", "White House press secretary".
    country ??= countries.firstWithin(absolute, title.end)?.country ?? null;
    if (!country) country = countries.rightBefore(text, absolute)?.country ?? country;
    if (!country) country = countryBeforeWhose(text, absolute, countries);
    // "the DRC government spokesman Patrick Muyaya": the country of the body the title serves.
    const body = country ? null : BODY_BEFORE_TITLE.exec(text.slice(Math.max(0, absolute - 32), absolute));
    if (body) country = countries.rightBefore(text, absolute - body[0].length)?.country ?? null;
    // "Peruvian Defence Ministry spokesman X": the country before the office the title serves.
    if (!country) country = countries.firstWithin(absolute - capitalizedWordsBefore(text.slice(Math.max(0, absolute - 60), absolute)), absolute)?.country ?? null;
    return { title: title.title, head: title.head, country };
  }
  return null;
}

/** A body of government named by its common noun right before a title: "government spokesman", "foreign office spokesperson". */
const BODY_BEFORE_TITLE = /\b(?:foreign\s+)?(?:government|ministry|office|presidency|army|military|embassy)\s+$/i;

/** "Rwanda, whose President Paul Kagame …": the country a relative clause opening at `position` hangs on. */
function countryBeforeWhose(text: string, position: number, countries: SortedSpans<CountryMention>): string | null {
  const whose = /,\s+whose\s+$/i.exec(text.slice(Math.max(0, position - 12), position));
  return whose ? (countries.endingJustBefore(position - whose[0].length, 0)?.country ?? null) : null;
}

/** "minister of state for human rights, Ana Ruiz": the portfolio a title before the name is of. */
const PORTFOLIO_TAIL = /^\s+(?:of|for)\s+(?:the\s+)?[\p{L}’'-]+(?:\s+(?:and\s+)?[\p{L}’'-]+){0,4}$/u;

/** "spokesman of the", "ambassador for the": a title joined to the office it serves, before that office. */
const TITLE_OF_OFFICE = /(?:^|[^\p{L}])(\p{L}+)\s+(?:of|for|at)\s+(?:the\s+)?$/u;

/**
 * "the spokesman of the Ministry of Foreign Affairs of Peru, Ana Ruiz": a title joined to an office
 * of a known country, the office ending right before the name. The office's country is theirs.
 */
function officeIntroductionBefore(text: string, nameStart: number, institutions: SortedSpans<InstitutionMention>): { title: string; head: boolean; country: string | null } | null {
  const trimmedEnd = nameStart - (text.slice(Math.max(0, nameStart - 4), nameStart).length - withoutTrailingComma(text.slice(Math.max(0, nameStart - 4), nameStart)).length);
  const office = institutions.endingJustBefore(trimmedEnd, 0);
  if (!office || office.end !== trimmedEnd || !office.country) return null;
  const joiner = TITLE_OF_OFFICE.exec(text.slice(Math.max(0, office.start - 40), office.start));
  if (!joiner) return null;
  const title = matchTitleAt(text, office.start - joiner[0].length + joiner[0].indexOf(joiner[1]));
  if (!title) return null;
  return { title: title.title, head: title.head, country: office.country };
}

/** Characters of the (at most four) capitalised words that end `before`, with their spaces. */
function capitalizedWordsBefore(before: string): number {
  return /(?:\p{Lu}[\p{L}-]*\s+){1,4}$/u.exec(before)?.[0].length ?? 0;
}

/** "X, Peru's deputy foreign minister," / "X, the Ecuadorian president" */
function appositiveAfter(text: string, nameEnd: number, countries: SortedSpans<CountryMention>) {
  const match = /^,\s+(?:the\s+|a\s+|an\s+)?/i.exec(text.slice(nameEnd, nameEnd + 8));
  if (!match) return null;
  let position = nameEnd + match[0].length;
  let country: string | null = null;
  const mention = countries.startingAt(position);
  if (mention) {
    country = mention.country;
    position = mention.end + (text.slice(mention.end, mention.end + 1) === " " ? 1 : 0);
  }
  // "Peruvian State Minister for Foreign Affairs": a word the title list does not know may come first.
  const rank = /^\p{Lu}\p{Ll}+\s+/u.exec(text.slice(position, position + 30));
  const title = matchTitleAt(text, position) ?? (rank ? matchTitleAt(text, position + rank[0].length) : null);
  if (!title) return null;
  // "In a statement seen by Eye Radio, Prime Minister Ana Ruiz's office said": a title before a
  // name introduces that name, not the one before the comma.
  if (/^\s+\p{Lu}/u.test(text.slice(title.end, title.end + 3))) return null;
  // "X, Deputy Foreign Minister of Peru,", "X, spokesman for Peru's Foreign Ministry,".
  const of = country === null ? /^\s+(?:of|for|at)\s+(?:the\s+)?/.exec(text.slice(title.end, title.end + 12)) : null;
  if (of) country = countries.startingAt(title.end + of[0].length)?.country ?? null;
  return { title: title.title, head: title.head, country };
}

/** Auxiliaries and adverbs between a subject and its verb: "has said", "had also warned", "will not say". */
const BEFORE_VERB = new Set(["ADV", "AUX", "PART"]);
const BEFORE_VERB_REACH = 3;

/** The token after at most a few auxiliaries and adverbs from `index`. */
function verbAfterAuxiliaries(tokens: Token[], index: number): Token | undefined {
  let k = index;
  while (k - index < BEFORE_VERB_REACH && BEFORE_VERB.has(tokens[k]?.pos ?? "")) k++;
  return tokens[k];
}

function isSpeechVerb(token: Token | undefined, speechLemmas: Set<string>): boolean {
  return Boolean(token && speechLemmas.has(token.lemma) && token.pos === "VERB");
}

/** A verb of saying follows the name ending at `lastToken`, after at most a few auxiliaries and adverbs ("Ruiz told", "Ruiz has also said"). */
export function speaksAfterName(tokens: Token[], lastToken: number, speechLemmas: Set<string>): boolean {
  return isSpeechVerb(verbAfterAuxiliaries(tokens, lastToken + 1), speechLemmas);
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
