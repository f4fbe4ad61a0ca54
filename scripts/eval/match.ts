// Matching the product's statements to gold rows, by the gold's verbatim key phrase. Pure.
import { canonicalCountry, countryOf } from "../../lib/ingest/gazetteer";
import seatsOfPower from "../../lib/data/seats-of-power.json";
import type { ScoredStatement } from "../../lib/core/types";
import type { GoldStatement } from "./corpus";

const DOUBLE_QUOTES = /[“”„‟″"«»]/g;
const SINGLE_QUOTES = /[‘’‚‛′`]/g;
const DASHES = /[‐‑‒–—―]/g;

/**
 * One character for one character, so that a position in the folded text is the same position in
 * the original: case, quote marks, dashes, white space and accents do not decide a match.
 */
export function foldSameLength(text: string): string {
  let out = "";
  for (const ch of text) {
    const base = ch.normalize("NFD")[0] ?? ch;
    const lower = base.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'").replace(DASHES, "-").replace(/\s/g, " ");
}

export const fold = (text: string) => foldSameLength(text).replace(/ +/g, " ").trim();

const words = (name: string) => fold(name).replace(/[^\p{L}\p{N} ]/gu, " ").split(" ").filter(Boolean);

/**
 * The same speaker: the same name, one of the gold's aliases, or a shorter form of the same name
 * ("Morrison" for "Scott Morrison", "Foreign Ministry" for "Chinese Foreign Ministry"): every word of
 * the shorter is in the longer and both end on the same word.
 */
export function sameSpeaker(output: string | null, gold: Pick<GoldStatement, "speaker" | "speakerAliases">): boolean {
  if (!output) return false;
  const out = words(output);
  const government = governmentCountry(output);
  return [gold.speaker, ...(gold.speakerAliases ?? [])].some((name) => {
    if (government !== null && governmentCountry(name) === government) return true;
    const g = words(name);
    if (out.join(" ") === g.join(" ")) return true;
    const [shorter, longer] = out.length <= g.length ? [out, g] : [g, out];
    return shorter.length > 0 && shorter.at(-1) === longer.at(-1) && shorter.every((w) => longer.includes(w));
  });
}

/**
 * The country whose government a speaker's name is: "Somalia" and "Mogadishu" speaking, "the Somali
 * government", "Federal Government of Somalia" are one speaker however the gold or the product writes it.
 */
function governmentCountry(name: string): string | null {
  const bare = fold(name)
    .replace(/^the /, "")
    .replace(/^(?:federal )?government of (?:the )?/, "")
    .replace(/ (?:federal )?government$/, "");
  return SEATS_OF_POWER.has(bare) ? null : knownCountry(bare);
}

/** "The Pentagon", "the Kremlin": one body of a state, named apart from its government. */
const SEATS_OF_POWER = new Set(seatsOfPower.entries.flatMap((seat: { name: string; variants?: string[] }) => [seat.name, ...(seat.variants ?? [])].map(fold)));

/** The gazetteer's name for a country however the gold writes it, or null when it does not know it. */
export function knownCountry(country: string): string | null {
  return canonicalCountry(country) ?? countryOf(country);
}

export function canonicalName(country: string): string {
  return knownCountry(country) ?? country;
}

export function sameCountry(output: string | null, gold: string | null): boolean {
  if (output === null || gold === null) return output === gold;
  return canonicalName(output) === canonicalName(gold);
}

/** Two words at least: a one-word partial quote inside a key could be anyone's word. */
const MIN_WORDS_INSIDE_KEY = 2;

/**
 * One statement's words and the key: they hold the key, or, where the key runs from the reporter's
 * words into a partial quote ("Canada was “very alarmed” to learn"), the key holds them.
 */
function carriesKey(words: string, key: string): boolean {
  const folded = fold(words);
  // A partial quote's closing full stop or comma ("went too far.") does not decide whether a key holds it.
  const inner = folded.replace(/[.,;:!?]+$/, "");
  return folded.includes(key) || (inner.split(" ").length >= MIN_WORDS_INSIDE_KEY && key.includes(inner));
}

/** The product's statement reporting the gold row: its words (or one outlet's) and the key overlap as above. */
export function findStatement(statements: ScoredStatement[], gold: GoldStatement): ScoredStatement | null {
  const key = fold(gold.key);
  const carrying = statements.filter((s) => carriesKey(s.text, key) || s.sources.some((source) => carriesKey(source.quote, key)));
  if (carrying.length === 0) return null;
  // Several statements may hold the words (one quoting the other): the speaker's, then the tightest.
  return [...carrying].sort((a, b) => Number(sameSpeaker(b.speaker, gold)) - Number(sameSpeaker(a.speaker, gold)) || a.text.length - b.text.length)[0];
}

const SENTENCE_END = /[.!?]["'”’)]?(?= |$)/g;

interface KeyPlace {
  paragraph: string;
  folded: string;
  at: number;
  length: number;
}

function placeOf(paragraphs: string[], key: string): KeyPlace | null {
  const foldedKey = fold(key);
  for (const paragraph of paragraphs) {
    const folded = foldSameLength(paragraph);
    const at = folded.indexOf(foldedKey);
    if (at >= 0) return { paragraph, folded, at, length: foldedKey.length };
  }
  return null;
}

function sentenceAt({ paragraph, folded, at, length }: KeyPlace): string {
  let start = 0;
  let end = paragraph.length;
  for (const m of folded.matchAll(SENTENCE_END)) {
    const stop = m.index! + m[0].length;
    if (stop <= at) start = stop;
    else if (m.index! >= at + length) {
      end = stop;
      break;
    }
  }
  return paragraph.slice(start, end).trim();
}

/** The sentence of the report that holds the key. */
export function sentenceHolding(paragraphs: string[], key: string): string | null {
  const place = placeOf(paragraphs, key);
  return place && sentenceAt(place);
}

/**
 * The words of the gold row as the report prints them: the quotation holding the key, else the
 * sentence holding it. What the baselines read.
 */
export function spokenWords(paragraphs: string[], key: string): string | null {
  const place = placeOf(paragraphs, key);
  if (!place) return null;
  const marksBefore = [...place.folded.slice(0, place.at).matchAll(/"/g)].map((m) => m.index!);
  if (marksBefore.length % 2 === 0) return sentenceAt(place);
  const close = place.folded.indexOf('"', place.at + place.length);
  return place.paragraph.slice(marksBefore.at(-1)! + 1, close < 0 ? undefined : close).trim();
}
