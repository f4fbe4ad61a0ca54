import { DISPLAY, checkCode } from "./country-forms";
import { INSTITUTIONS, type InstitutionEntry } from "./data";
import { hitAt, scanMainOnce, type RawHit } from "./scan";
import { Trie, isUpperAt, isWordStart, skipHSpace } from "./trie";
import { CALENDAR_WORDS } from "./person-names";

export interface InstitutionMention {
  start: number;
  end: number;
  text: string;
  /** The text with apostrophes straightened and whitespace collapsed: "Peru's Foreign Ministry". */
  name: string;
  /** Canonical display name of the state, or null when the text does not say which. */
  country: string | null;
  /**
   * executive | foreign-ministry | defense-ministry | ministry | military | legislature | intelligence |
   * security-council | diplomatic-mission | central-bank | judiciary | party | state-media |
   * public-broadcaster | wire | officials | capital
   */
  kind: string;
  /** Canonical data name of the head noun, seat or agency ("Foreign Ministry", "White House", "KCNA"); the capital for kind "capital". */
  institution: string;
}

interface HeadVal {
  head: InstitutionEntry | null;
  modifier: boolean;
}
const headTrie = new Trie<HeadVal>(true);
for (const e of INSTITUTIONS.entries) {
  if (e.country !== null) checkCode(e.country, `institutions ${e.name}`);
  for (const v of [e.name, ...(e.variants ?? [])]) {
    headTrie.insert(v, { head: e, modifier: false }, (old, add) => ({
      // Entries with a fixed country are listed after the generic ones they refine; prefer them.
      head: old.head && (old.head.country !== null || !add.head) ? old.head : add.head ?? old.head,
      modifier: old.modifier || add.modifier,
    }));
  }
}
for (const m of INSTITUTIONS.modifiers) {
  headTrie.insert(m, { head: null, modifier: true }, (old) => ({ head: old.head, modifier: true }));
}

/** Longest "modifier* head" at i (up to two modifiers), bounded. */
function matchHead(text: string, i: number, modifiersLeft = 2): { end: number; entry: InstitutionEntry } | null {
  if (!isWordStart(text, i) || !headTrie.startsAt(text, i)) return null;
  let best: { end: number; entry: InstitutionEntry } | null = null;
  for (const h of headTrie.walk(text, i)) {
    if (!h.bounded) continue;
    if (h.val.head && (!best || h.end > best.end)) best = { end: h.end, entry: h.val.head };
    if (h.val.modifier && modifiersLeft > 0) {
      const j = skipHSpace(text, h.end);
      if (j > h.end || text[h.end] === "-") {
        const inner = matchHead(text, text[h.end] === "-" ? h.end + 1 : j, modifiersLeft - 1);
        if (inner && (!best || inner.end > best.end)) best = inner;
      }
    }
  }
  return best;
}

const isBoundedHead = (val: HeadVal, bounded: boolean) => bounded && val.head !== null;

function cleanName(s: string): string {
  return s.replace(/[’‘ʼ]/g, "'").replace(/\s+/g, " ");
}

/**
 * Institutions that can speak for a state, left to right, non-overlapping:
 * - a country name / demonym / possessive / capital followed by a head noun, optionally with modifiers:
 *   "Peru's Foreign Ministry", "the Russian Foreign Ministry", "the Chinese government", "North Korea's state media";
 * - a head noun followed by "of (the) <country>": "the Ministry of Foreign Affairs of Peru";
 * - seats of power and agencies ("the White House", "the Kremlin", "KCNA", "Xinhua", also wires such as "Yonhap"),
 *   absorbing a directly preceding same-country name ("North Korea's KCNA");
 * - standalone heads from the data ("the State Department" → United States, "the foreign ministry" → null country);
 * - bare capitals, kind "capital" ("Beijing", "Washington's") — the caller decides whether one is a speaker.
 * Spans do not include a leading "the".
 */
export function findInstitutionMentions(text: string): InstitutionMention[] {
  const out: InstitutionMention[] = [];
  const { words, hits: raw } = scanMainOnce(text);
  const push = (start: number, end: number, country: string | null, kind: string, institution: string) => {
    const t = text.slice(start, end);
    out.push({ start, end, text: t, name: cleanName(t), country, kind, institution });
  };
  // Pass 1: anchored on main-trie hits.
  for (let k = 0; k < raw.length; k++) {
    const m = raw[k];
    const country = DISPLAY.get(m.val.cca3)!;
    if (m.val.kind === "seat" || m.val.kind === "agency") {
      push(m.start, m.nameEnd, country, m.val.subkind, m.val.canonical);
      continue;
    }
    // Country-like: head noun after it?
    const afterName = skipHSpace(text, m.end);
    if (afterName > m.end) {
      const h = matchHead(text, afterName);
      if (h) {
        push(m.start, h.end, country, h.entry.kind, h.entry.name);
        continue;
      }
      // Same-country seat or agency right after it: "North Korea's KCNA", "China's Xinhua".
      const next = raw[k + 1];
      if (next && next.start === afterName && (next.val.kind === "seat" || next.val.kind === "agency") && next.val.cca3 === m.val.cca3) {
        push(m.start, next.nameEnd, country, next.val.subkind, next.val.canonical);
        k++;
        continue;
      }
    }
    if (m.val.kind === "capital" && !opensLongerName(text, m.nameEnd)) push(m.start, m.nameEnd, country, "capital", text.slice(m.start, m.nameEnd));
  }
  // Pass 2: head nouns not covered by pass 1 ("the Foreign Ministry", "the government of Peru").
  const covered = out.map((o) => [o.start, o.end] as const);
  const rawSpans = raw.map((r) => [r.start, r.end] as const);
  let ci = 0;
  let ri = 0;
  let resumeAt = 0;
  for (let k = 0; k < words.starts.length; k++) {
    const i = words.starts[k];
    if (i < resumeAt) continue;
    while (ci < covered.length && covered[ci][1] <= i) ci++;
    if (ci < covered.length && covered[ci][0] <= i) {
      resumeAt = covered[ci][1];
      continue;
    }
    while (ri < rawSpans.length && rawSpans[ri][1] <= i) ri++;
    if (ri < rawSpans.length && rawSpans[ri][0] <= i) {
      resumeAt = rawSpans[ri][1];
      continue;
    }
    if (!headTrie.startsAt(text, i)) continue;
    const hit = headTrie.lastHit(text, i, isBoundedHead);
    const best = hit && { end: hit.end, entry: hit.val.head! };
    if (!best) continue;
    // "… of (the) <country>"
    let j = skipHSpace(text, best.end);
    let postfix: RawHit | null = null;
    if (j > best.end && /^of\s/i.test(text.slice(j, j + 3))) {
      j = skipHSpace(text, j + 2);
      if (/^the\s/i.test(text.slice(j, j + 4))) j = skipHSpace(text, j + 3);
      // The scan of the next 120 characters would start with this hit.
      const window = text.slice(j, j + 120);
      const found = isWordStart(window, 0) ? hitAt(window, 0) : null;
      const first = typeof found === "number" ? null : found;
      if (first && (first.val.kind === "name" || first.val.kind === "alt")) {
        postfix = { ...first, start: j + first.start, nameEnd: j + first.nameEnd, end: j + first.end };
      }
    }
    const entry = best.entry;
    if (postfix) {
      push(i, postfix.nameEnd, DISPLAY.get(postfix.val.cca3)!, entry.kind, entry.name);
      resumeAt = postfix.nameEnd;
    } else if (entry.standalone && (!entry.properNoun || isUpperAt(text, i))) {
      push(i, best.end, entry.country ? DISPLAY.get(entry.country)! : null, entry.kind, entry.name);
      resumeAt = best.end;
    }
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const result: InstitutionMention[] = [];
  let lastEnd = -1;
  for (const o of out) {
    if (o.start < lastEnd) continue;
    result.push(o);
    lastEnd = o.end;
  }
  return result;
}

const CALENDAR_WORD = new Set(CALENDAR_WORDS);

/**
 * "the Luanda Roadmap", "the Nairobi Process", "the Tehran Times": a capital before another
 * capitalised word is part of a longer name, not the government speaking ("Beijing Monday said"
 * still is).
 */
function opensLongerName(text: string, end: number): boolean {
  const next = /^ (\p{Lu}\p{Ll}+)/u.exec(text.slice(end, end + 30));
  return next !== null && !CALENDAR_WORD.has(next[1]);
}
