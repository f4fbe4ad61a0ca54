// Binary searches over arrays already sorted by text position (tokens, sentences, paragraphs,
// quotes, dates, mentions), so that questions asked once per token or per statement do not
// scan a long article from its start.

/** The first index in [0, length) where `reached` holds, given it holds from some index on (length when never). */
export function firstIndexWhere(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Index of the first item whose end is at least `position`; ends must never decrease. */
export function firstEndingAtOrAfter(items: readonly { end: number }[], position: number): number {
  return firstIndexWhere(items.length, (i) => items[i].end >= position);
}

/** Index of the first item whose end is beyond `position`; ends must never decrease. */
export function firstEndingAfter(items: readonly { end: number }[], position: number): number {
  return firstIndexWhere(items.length, (i) => items[i].end > position);
}

/** Index of the first item starting at or after `position`; starts must never decrease. */
export function firstStartingAtOrAfter(items: readonly { start: number }[], position: number): number {
  return firstIndexWhere(items.length, (i) => items[i].start >= position);
}

/** Index of the first item starting after `position`; starts must never decrease. */
export function firstStartingAfter(items: readonly { start: number }[], position: number): number {
  return firstIndexWhere(items.length, (i) => items[i].start > position);
}

/** Adds `value` to the end of the group of `key`. */
export function appendTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

/** Groups items under a key, each group in the items' order. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) appendTo(groups, keyOf(item), item);
  return groups;
}

/** The first item for each key, as `items.find((item) => keyOf(item) === key)` would pick it. */
export function firstByKey<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T> {
  const first = new Map<K, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!first.has(key)) first.set(key, item);
  }
  return first;
}

/** Index of the sentence whose tokens include `tokenIndex`, -1 when none; sentences are in text order. */
export function sentenceHoldingToken(sentences: readonly { firstToken: number; lastToken: number }[], tokenIndex: number): number {
  const index = firstIndexWhere(sentences.length, (i) => sentences[i].lastToken >= tokenIndex);
  return index < sentences.length && sentences[index].firstToken <= tokenIndex ? index : -1;
}
