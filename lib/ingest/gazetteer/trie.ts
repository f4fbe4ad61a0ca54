// How the gazetteer reads text: each UTF-16 code unit folded and classified, the words, and the
// character trie every matcher walks. One module: the walk and the word scans ask these of every
// character, and tsx compiles each call across modules to a getter read.
//
// Normalisation applied by every matcher: accents are folded (Bogotá = Bogota), curly apostrophes are
// straight ones, any run of whitespace matches one space, combining marks are ignored. Each answer is
// per code unit and cached.
//
const SKIP = -1;
const UNKNOWN = -2;
const foldCache = new Int32Array(65536).fill(UNKNOWN);
const lowerCache = new Int32Array(65536).fill(UNKNOWN);
const wordCache = new Uint8Array(65536); // 0 unknown, 1 word char, 2 not
const MANUAL_FOLD: Record<string, string> = {
  "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H",
  "ŧ": "t", "Ŧ": "T", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "ð": "d", "Ð": "D", "þ": "t", "Þ": "T",
};
const MARK_RE = /\p{M}/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

function isWS(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}
export function isHSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200a);
}

/** Folds one code unit: accents stripped, apostrophes and hyphens unified, combining marks → SKIP. */
function fold(c: number): number {
  if (c < 128) return c;
  const cached = foldCache[c];
  if (cached !== UNKNOWN) return cached;
  const ch = String.fromCharCode(c);
  let out = c;
  if (MARK_RE.test(ch)) out = SKIP;
  else if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x00b4 || c === 0x2032 || c === 0x02b9) out = 39;
  else if (c === 0x2010 || c === 0x2011) out = 45;
  else if (MANUAL_FOLD[ch]) out = MANUAL_FOLD[ch].charCodeAt(0);
  else {
    const d = ch.normalize("NFD");
    if (d.length > 1 && d.charCodeAt(0) < 128) out = d.charCodeAt(0);
  }
  foldCache[c] = out;
  return out;
}

function lower(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const cached = lowerCache[c];
  if (cached !== UNKNOWN) return cached;
  const l = String.fromCharCode(c).toLowerCase();
  const out = l.length === 1 ? l.charCodeAt(0) : c;
  lowerCache[c] = out;
  return out;
}

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const w = wordCache[c];
  if (w !== 0) return w === 1;
  const yes = WORD_RE.test(String.fromCharCode(c));
  wordCache[c] = yes ? 1 : 2;
  return yes;
}
export function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));
}
export function isUpperAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const ch = text[i];
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
export function isApostrophe(c: number): boolean {
  return fold(c) === 39;
}

/** Normalised key for a trie or a lookup map: folded, whitespace collapsed, optionally lowercased. */
export function normKey(s: string, ci: boolean): string {
  let out = "";
  let ws = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWS(c)) {
      ws = out.length > 0;
      continue;
    }
    let f = fold(c);
    if (f === SKIP) continue;
    if (ci) f = lower(f);
    if (ws) out += " ";
    ws = false;
    out += String.fromCharCode(f);
  }
  return out;
}

export function isWordStart(text: string, i: number): boolean {
  return isWordAt(text, i) && !isWordAt(text, i - 1) && fold(text.charCodeAt(i)) !== SKIP;
}
/** Index of the first character after the word containing i. */
export function wordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWordAt(text, j)) j++;
  return Math.max(j, i + 1);
}

/** Every word start of a text (isWordStart) with its wordEnd, in one pass, for the scans that visit them all. */
export interface Words {
  starts: number[];
  ends: number[];
}

export function wordsOf(text: string): Words {
  const words: Words = { starts: [], ends: [] };
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordCode(text.charCodeAt(j))) j++;
    // A run that opens with a combining mark holds no word start.
    if (fold(text.charCodeAt(i)) !== SKIP) {
      words.starts.push(i);
      words.ends.push(j);
    }
    i = j;
  }
  return words;
}

export function skipHSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isHSpace(text.charCodeAt(j))) j++;
  return j;
}

/** The capitalised word at i (letters, apostrophes, hyphens, periods inside), or "". */
export function wordAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && (isWordAt(text, j) || ((text[j] === "'" || text[j] === "’" || text[j] === "-") && isWordAt(text, j + 1)))) j++;
  return text.slice(i, j);
}


interface Hit<T> {
  end: number;
  val: T;
  /** Whether the text has a word boundary at `end` (or the key does not need one). */
  bounded: boolean;
}

/** From this many children on, a node finds them by code rather than by scanning its list. */
const INDEXED_CHILDREN = 4;
/** No such node: the end of a list of children, or a child that is missing. */
const NONE = -1;
const ROOT = 0;

/**
 * Nodes are numbers indexing a few flat arrays, and a node's children a list linked through
 * `nextSibling`. Scans walk a trie between long stretches of tokenizing, which push it out of the
 * CPU caches: compact arrays come back in far fewer cache lines than one object (and two lists)
 * per node spread over the heap, and are fewer objects for the garbage collector to trace.
 */
export class Trie<T> {
  /** Folded code unit on the edge into each node. */
  private readonly code: number[] = [0];
  private readonly firstChild: number[] = [NONE];
  private readonly nextSibling: number[] = [NONE];
  /** The children by code unit, for the few nodes with many (the root, first letters). */
  private readonly byCode: ((number | undefined)[] | null)[] = [null];
  private readonly val: (T | null)[] = [null];
  /** The key ends with a word character, so a match needs a word boundary after it. */
  private readonly needsBoundary: boolean[] = [false];

  constructor(readonly ci: boolean) {}

  private childOf(node: number, c: number): number {
    const table = this.byCode[node];
    if (table !== null) return table[c] ?? NONE;
    let child = this.firstChild[node];
    while (child !== NONE && this.code[child] !== c) child = this.nextSibling[child];
    return child;
  }

  private childrenOf(node: number): number[] {
    const children: number[] = [];
    for (let child = this.firstChild[node]; child !== NONE; child = this.nextSibling[child]) children.push(child);
    return children;
  }

  private addChild(node: number, c: number): number {
    const child = this.code.length;
    this.code.push(c);
    this.firstChild.push(NONE);
    this.nextSibling.push(this.firstChild[node]);
    this.byCode.push(null);
    this.val.push(null);
    this.needsBoundary.push(isWordCode(c));
    this.firstChild[node] = child;
    const table = this.byCode[node];
    if (table !== null) table[c] = child;
    else {
      const children = this.childrenOf(node);
      if (children.length === INDEXED_CHILDREN) {
        const byCode: (number | undefined)[] = [];
        for (const k of children) byCode[this.code[k]] = k;
        this.byCode[node] = byCode;
      }
    }
    return child;
  }

  /** Inserts; when the key exists, `merge(old, new)` decides the stored value. */
  insert(key: string, val: T, merge: (old: T, add: T) => T = (old) => old): void {
    const k = normKey(key, this.ci);
    if (!k) return;
    let node = ROOT;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      const child = this.childOf(node, c);
      node = child === NONE ? this.addChild(node, c) : child;
    }
    const old = this.val[node];
    this.val[node] = old === null ? val : merge(old, val);
  }

  /** Could a key start with the character at text[i]? */
  startsAt(text: string, i: number): boolean {
    let f = fold(text.charCodeAt(i));
    if (this.ci) f = lower(f);
    return this.childOf(ROOT, f) !== NONE;
  }

  /**
   * The longest key matching text from index i that `accept` takes, trying them shortest first.
   * Scans ask this at every word: it builds no list and calls nothing but `accept`.
   */
  lastHit(text: string, i: number, accept: (val: T, bounded: boolean, end: number) => boolean): { end: number; val: T } | null {
    let end = -1;
    let found: T | null = null;
    const n = text.length;
    let node = ROOT;
    let j = i;
    while (j < n && this.firstChild[node] !== NONE) {
      const c = text.charCodeAt(j);
      let child: number;
      if (isWS(c)) {
        child = this.childOf(node, 32);
        if (child === NONE) break;
        while (j < n && isWS(text.charCodeAt(j))) j++;
      } else {
        let f = fold(c);
        if (f === SKIP) {
          j++;
          continue;
        }
        if (this.ci) f = lower(f);
        child = this.childOf(node, f);
        if (child === NONE) break;
        j++;
      }
      node = child;
      while (j < n && fold(text.charCodeAt(j)) === SKIP) j++;
      const val = this.val[node];
      if (val !== null && accept(val, !this.needsBoundary[node] || !isWordAt(text, j), j)) {
        end = j;
        found = val;
      }
    }
    return found === null ? null : { end, val: found };
  }

  /** Every key that matches text from index i, shortest first. */
  walk(text: string, i: number): Hit<T>[] {
    const hits: Hit<T>[] = [];
    this.lastHit(text, i, (val, bounded, end) => {
      hits.push({ end, val, bounded });
      return false;
    });
    return hits;
  }
}
