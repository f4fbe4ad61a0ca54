// The one scan of a text for country forms, with the filters that running text needs.

import { mainTrie, type MainVal } from "./country-forms";
import { ALIASES } from "./data";
import { looksLikePersonName } from "./person-names";
import { isApostrophe, isHSpace, isUpperAt, isWordAt, wordAt, wordsOf, type Words } from "./trie";

const blockedFollowers = new Set(ALIASES.blockedFollowers);

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

export interface RawHit {
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

export function scanMainOnce(text: string): { words: Words; hits: readonly RawHit[] } {
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
export function hitAt(text: string, i: number): RawHit | number | null {
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
