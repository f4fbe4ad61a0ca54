/** Distinct arguments a memoized function remembers before it forgets them all. */
const DEFAULT_LIMIT = 20_000;

/**
 * `compute`, remembering its result for each string it was asked about. A batch asks about the
 * same texts and names many times, and the next batch about its own: when `limit` strings are
 * remembered the memory is dropped whole, which bounds it without tracking use.
 */
export function memoized<V>(compute: (key: string) => V, limit = DEFAULT_LIMIT): (key: string) => V {
  const memory = new Map<string, V>();
  return (key) => {
    let value = memory.get(key);
    if (value === undefined) {
      if (memory.size >= limit) memory.clear();
      value = compute(key);
      memory.set(key, value);
    }
    return value;
  };
}
