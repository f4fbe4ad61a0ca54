import speakerNouns from "../../data/speaker-nouns.json";
import { TITLE_DATA, type TitlePrefix } from "./data";
import { Trie, isWordAt, isWordStart, skipHSpace, wordEnd } from "./trie";

export interface TitleInfo {
  /** Surface form as matched (lowercase unless caseSensitive). */
  title: string;
  /** Canonical office this form names, e.g. "foreign minister" for "minister of foreign affairs". */
  canonical: string;
  /** Head of state or government. */
  head: boolean;
  /** 1 head of state/government, 2 cabinet-level or deputy head, 3 senior official, 4 other. */
  rank: number;
  caseSensitive: boolean;
}

export interface TitleMatch {
  start: number;
  end: number;
  text: string;
  /** Canonical office including deputy-type prefixes: "deputy foreign minister", "vice president". */
  title: string;
  /** Canonical office without any prefix: "foreign minister", "president". */
  base: string;
  head: boolean;
  rank: number;
  /** "former president", "ex-president". */
  former: boolean;
  /** Prefixes as matched, lowercase, in order: ["former", "deputy"]. */
  prefixes: string[];
}

const titleTrieCI = new Trie<TitleInfo>(true);
const titleTrieCS = new Trie<TitleInfo>(false);
const allTitles: TitleInfo[] = [];
for (const e of TITLE_DATA.entries) {
  const cs = !!e.caseSensitive;
  for (const form of [e.title, ...(e.variants ?? [])]) {
    const surface = cs ? form : form.toLowerCase();
    const info: TitleInfo = { title: surface, canonical: e.title, head: e.head, rank: e.rank, caseSensitive: cs };
    allTitles.push(info);
    (cs ? titleTrieCS : titleTrieCI).insert(surface, info);
  }
}

// The nouns that can name a speaker for a state without being an office of the title list ("the
// envoy", "the junta", "the dictator"), from WordNet: the least senior rank, never a head.
const SPEAKER_NOUN_RANK = 4;
const known = new Set(allTitles.map((t) => t.title));
for (const noun of speakerNouns.nouns) {
  if (known.has(noun)) continue;
  const info: TitleInfo = { title: noun, canonical: noun, head: false, rank: SPEAKER_NOUN_RANK, caseSensitive: false };
  allTitles.push(info);
  titleTrieCI.insert(noun, info);
}

/** Every title form (variants included), longest first. */
export const TITLES: readonly TitleInfo[] = allTitles.sort((a, b) => b.title.length - a.title.length || a.title.localeCompare(b.title));

const prefixTrie = new Trie<TitlePrefix>(true);
for (const p of TITLE_DATA.prefixes) prefixTrie.insert(p.prefix, p);

interface TitleCore {
  end: number;
  info: TitleInfo;
  prefixes: TitlePrefix[];
}
const isBounded = (_val: unknown, bounded: boolean) => bounded;

/** The longest title form at i; a case-sensitive form must be longer to beat a case-insensitive one. */
function longestTitleForm(text: string, i: number): TitleCore | null {
  const ci = titleTrieCI.startsAt(text, i) ? titleTrieCI.lastHit(text, i, isBounded) : null;
  const cs = titleTrieCS.startsAt(text, i) ? titleTrieCS.lastHit(text, i, isBounded) : null;
  const hit = cs && (!ci || cs.end > ci.end) ? cs : ci;
  return hit && { end: hit.end, info: hit.val, prefixes: [] };
}

function matchTitleCore(text: string, i: number, prefixesLeft: number): TitleCore | null {
  let best = longestTitleForm(text, i);
  // Most words start no prefix at all: finding that out builds no list of hits.
  if (prefixesLeft > 0 && prefixTrie.startsAt(text, i) && prefixTrie.lastHit(text, i, isBounded)) {
    for (const h of prefixTrie.walk(text, i)) {
      if (!h.bounded) continue;
      let j = h.end;
      if (text[j] === "-" || text[j] === "‐") j++;
      else if (h.val.hyphenOnly) continue;
      else {
        const k = skipHSpace(text, j);
        if (k === j) continue;
        j = k;
      }
      if (!isWordAt(text, j)) continue;
      const inner = matchTitleCore(text, j, prefixesLeft - 1);
      if (inner && (!best || inner.end > best.end)) best = { end: inner.end, info: inner.info, prefixes: [h.val, ...inner.prefixes] };
    }
  }
  return best;
}

/**
 * The official title starting exactly at `index` ("President", "deputy foreign minister", "Vice-President",
 * "former Prime Minister", "Sen."), case-insensitive except forms marked caseSensitive ("PM", "MP").
 * Longest form wins. Null when none starts there or `index` is inside a word.
 */
export function matchTitleAt(text: string, index: number): TitleMatch | null {
  if (index < 0 || index >= text.length || isWordAt(text, index - 1) || !isWordAt(text, index)) return null;
  const core = matchTitleCore(text, index, 2);
  if (!core) return null;
  const demoted = core.prefixes.some((p) => p.demote);
  const demoteWords = core.prefixes.filter((p) => p.demote).map((p) => p.prefix);
  const base = core.info.canonical;
  const title = [...demoteWords, base].join(" ");
  return {
    start: index,
    end: core.end,
    text: text.slice(index, core.end),
    title,
    base,
    head: core.info.head && !demoted,
    rank: Math.min(4, core.info.rank + (demoted ? 1 : 0)),
    former: core.prefixes.some((p) => p.former),
    prefixes: core.prefixes.map((p) => p.prefix),
  };
}

/** Every title in the text, left to right, non-overlapping, longest first (see matchTitleAt). */
export function findTitles(text: string): TitleMatch[] {
  const out: TitleMatch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordStart(text, i)) {
      i++;
      continue;
    }
    if (!titleTrieCI.startsAt(text, i) && !titleTrieCS.startsAt(text, i) && !prefixTrie.startsAt(text, i)) {
      i = wordEnd(text, i);
      continue;
    }
    const m = matchTitleAt(text, i);
    if (m) {
      out.push(m);
      i = m.end;
    } else i = wordEnd(text, i);
  }
  return out;
}
