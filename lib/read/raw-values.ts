// Values of raw query rows, as either database returns them.

export const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** JSON columns come back parsed from PostgreSQL and as text from SQLite. */
export const parseJson = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;
/**
 * A text read as its first `chars` + 1 characters (SUBSTR): the first `chars` and "…" when there
 * were more.
 */
export const clipped = (text: string, chars: number): string => (text.length > chars ? `${text.slice(0, chars).trimEnd()}…` : text);
