import { memoized } from "../../../core/memo";

const stripAccents = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "");

/**
 * A name as actors are told apart by: without accents, case or a possessive ending. People are
 * looked up by every name part of every other person: each name is folded once.
 */
export const nameKey = memoized((s: string): string => stripAccents(s).toLowerCase().replace(/[’']s$/, "").trim());
