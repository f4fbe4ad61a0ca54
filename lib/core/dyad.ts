// A dyad is one country speaking about another; its key names a chart line, a filter value and
// a rollup row the same way everywhere.

/** Speaker country → target country, e.g. a government addressing another. */
export interface Dyad {
  country: string;
  target: string;
}

/** Separates the two countries of a dyad in the `dyad` parameter: `dyad=A>B`. */
export const DYAD_SEPARATOR = ">";

/** The dyad's key: a filter value, a chart line's key, a rollup row's key. */
export function dyadParam(d: Dyad): string {
  return `${d.country}${DYAD_SEPARATOR}${d.target}`;
}

/** The countries of a dyad key. */
export function dyadOfKey(key: string): Dyad {
  const [country, target] = key.split(DYAD_SEPARATOR);
  return { country, target };
}

export function dyadLabel(d: Dyad): string {
  return `${d.country} → ${d.target}`;
}
