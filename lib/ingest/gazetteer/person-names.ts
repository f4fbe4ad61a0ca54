// Place names that are also personal names ("Chad", "Jordan", "Washington"): telling one from the other.

import { mainTrie } from "./country-forms";
import { INSTITUTIONS, TITLE_DATA } from "./data";
import { isHSpace, isUpperAt, isWordAt, wordAt } from "./trie";

// Words that may follow a person-like place name without making it part of a personal name.
export const CALENDAR_WORDS = [
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
export function looksLikePersonName(text: string, start: number, end: number): boolean {
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
