const stripAccents = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "");

/** People are looked up by every name part of every other person: each name is folded once. */
const nameKeys = new Map<string, string>();
const NAME_KEYS_LIMIT = 20_000;

/** A name as actors are told apart by: without accents, case or a possessive ending. */
export function nameKey(s: string): string {
  let key = nameKeys.get(s);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEYS_LIMIT) nameKeys.clear();
    key = stripAccents(s).toLowerCase().replace(/[’']s$/, "").trim();
    nameKeys.set(s, key);
  }
  return key;
}
