// Dashboard filters: one parser shared by the page, /api/series, /api/statements and
// the CSV exports, so that a bookmarked view, its chart data and its download always
// select the same statements. Pure: no I/O, safe to import in client components.
import { z } from "zod";
import { parseDayText } from "../core/days";
import { DYAD_SEPARATOR, dyadParam, type Dyad } from "../core/dyad";
import type { ISODate, Label } from "../core/types";

export type SeriesBy = "speaker" | "dyad";
export const SORT_KEYS = ["date", "score", "speaker", "sources"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
export const LABELS: readonly Label[] = ["hostile", "neutral", "conciliatory"];
/** How long one chart point is; "auto" picks by the span charted (lib/read/series.ts autoResolution). */
export const RESOLUTIONS = ["auto", "day", "week", "month"] as const;
export type ResolutionChoice = (typeof RESOLUTIONS)[number];
export type Resolution = Exclude<ResolutionChoice, "auto">;

export interface Filters {
  from: ISODate | null;
  to: ISODate | null;
  /** Speaker names as shown (matched case- and accent-insensitively). */
  speakers: string[];
  dyads: Dyad[];
  labels: Label[];
  /** Case-insensitive substring of the statement, its context, speaker or target. */
  q: string | null;
  /** What one chart line is: a speaker, or a speaker country → target country pair. */
  by: SeriesBy;
  /** How many series the chart shows, the busiest first. */
  top: number;
  /** One chart point per day, week (from Monday) or month of a series. */
  resolution: ResolutionChoice;
}

export interface TableOptions {
  sort: SortKey;
  dir: SortDir;
  limit: number;
  offset: number;
}

export const DEFAULT_TOP = 8;
export const MAX_TOP = 50;
export const DEFAULT_TABLE: TableOptions = { sort: "date", dir: "desc", limit: 50, offset: 0 };
export const MAX_LIMIT = 1000;
const MAX_QUERY_CHARS = 200;
const MAX_VALUES = 100;

export function emptyFilters(): Filters {
  return { from: null, to: null, speakers: [], dyads: [], labels: [], q: null, by: "speaker", top: DEFAULT_TOP, resolution: "auto" };
}

/** A filter parameter that cannot be used; `param` names it for the 400 response. */
export class FilterError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(`${param}: ${message}`);
    this.name = "FilterError";
  }
}

/** A day as the page writes it ("4 Jan 2026") or as YYYY-MM-DD; always read back as YYYY-MM-DD. */
const isoDay = z.string().transform((s, ctx): ISODate => {
  const day = parseDayText(s);
  if (day === null) {
    const shaped = /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(s);
    ctx.addIssue({ code: "custom", message: shaped ? "not a calendar date" : "expected a day such as 4 Jan 2026 or YYYY-MM-DD" });
  }
  return day ?? "";
});

const intIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "expected a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const single = {
  from: isoDay,
  to: isoDay,
  q: z.string().max(MAX_QUERY_CHARS, `at most ${MAX_QUERY_CHARS} characters`),
  by: z.enum(["speaker", "dyad"], "expected speaker or dyad"),
  top: intIn(1, MAX_TOP),
  resolution: z.enum(RESOLUTIONS, `expected one of ${RESOLUTIONS.join(", ")}`),
  sort: z.enum(SORT_KEYS, `expected one of ${SORT_KEYS.join(", ")}`),
  dir: z.enum(["asc", "desc"], "expected asc or desc"),
  limit: intIn(1, MAX_LIMIT),
  offset: intIn(0, Number.MAX_SAFE_INTEGER),
} as const;

const label = z.enum(["hostile", "neutral", "conciliatory"], "expected hostile, neutral or conciliatory");
const speaker = z.string().max(200, "at most 200 characters");
const dyad = z
  .string()
  .transform((s) => s.split(DYAD_SEPARATOR).map((part) => part.trim()))
  .refine((parts) => parts.length === 2 && parts.every((p) => p.length > 0 && p.length <= 100), `expected two countries as A${DYAD_SEPARATOR}B`)
  .transform(([country, target]): Dyad => ({ country, target }));

const FILTER_PARAMS = ["from", "to", "q", "by", "top", "resolution", "speaker", "dyad", "label"] as const;
const TABLE_PARAMS = ["sort", "dir", "limit", "offset"] as const;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function toSearchParams(params: Params): URLSearchParams {
  if (params instanceof URLSearchParams) return params;
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  }
  return out;
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid value";
}

/** Non-empty values of a parameter (an empty form field means "not set"). */
function valuesOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function parseSingle<K extends keyof typeof single>(params: URLSearchParams, name: K): z.output<(typeof single)[K]> | null {
  const values = valuesOf(params, name);
  if (values.length === 0) return null;
  if (values.length > 1) throw new FilterError(name, "given more than once");
  const parsed = single[name].safeParse(values[0]);
  if (!parsed.success) throw new FilterError(name, `${firstIssue(parsed.error)} (got "${truncate(values[0])}")`);
  return parsed.data as z.output<(typeof single)[K]>;
}

function parseMany<T>(params: URLSearchParams, name: string, schema: z.ZodType<T>, splitCommas = false): T[] {
  const values = valuesOf(params, name).flatMap((v) => (splitCommas ? v.split(",").map((s) => s.trim()).filter(Boolean) : [v]));
  if (values.length > MAX_VALUES) throw new FilterError(name, `at most ${MAX_VALUES} values`);
  const out: T[] = [];
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new FilterError(name, `${firstIssue(parsed.error)} (got "${truncate(value)}")`);
    if (!out.some((existing) => JSON.stringify(existing) === JSON.stringify(parsed.data))) out.push(parsed.data);
  }
  return out;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * Reads filters from query parameters. With `strict`, a parameter this endpoint does
 * not know is an error (a typo such as `form=` must not silently return everything);
 * `tableParams` also accepts sort/dir/limit/offset.
 */
export function parseFilters(input: Params, options: { strict?: boolean; tableParams?: boolean } = {}): Filters {
  const params = toSearchParams(input);
  if (options.strict) {
    const known = new Set<string>([...FILTER_PARAMS, ...(options.tableParams ? TABLE_PARAMS : [])]);
    for (const key of params.keys()) {
      if (!known.has(key)) throw new FilterError(key, `unknown parameter (expected one of ${[...known].join(", ")})`);
    }
  }
  const filters: Filters = {
    from: parseSingle(params, "from"),
    to: parseSingle(params, "to"),
    speakers: parseMany(params, "speaker", speaker),
    dyads: parseMany(params, "dyad", dyad),
    labels: parseMany(params, "label", label, true),
    q: parseSingle(params, "q"),
    by: parseSingle(params, "by") ?? "speaker",
    top: parseSingle(params, "top") ?? DEFAULT_TOP,
    resolution: parseSingle(params, "resolution") ?? "auto",
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new FilterError("to", `${filters.to} is before from=${filters.from}`);
  }
  return filters;
}

export function parseTableOptions(input: Params): TableOptions {
  const params = toSearchParams(input);
  const sort = parseSingle(params, "sort") ?? DEFAULT_TABLE.sort;
  return {
    sort,
    // Scores and source counts read best largest-first only when asked; dates newest first.
    dir: parseSingle(params, "dir") ?? (sort === "speaker" ? "asc" : "desc"),
    limit: parseSingle(params, "limit") ?? DEFAULT_TABLE.limit,
    offset: parseSingle(params, "offset") ?? DEFAULT_TABLE.offset,
  };
}

/**
 * The query string for `filters` (and table options), leaving out defaults so that
 * shared links stay short. Parameter order is fixed so that equal views have equal URLs.
 */
export function filtersToQuery(filters: Filters, table?: Partial<TableOptions>): string {
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const s of filters.speakers) params.append("speaker", s);
  for (const d of filters.dyads) params.append("dyad", dyadParam(d));
  for (const l of filters.labels) params.append("label", l);
  if (filters.q) params.set("q", filters.q);
  if (filters.by !== "speaker") params.set("by", filters.by);
  if (filters.top !== DEFAULT_TOP) params.set("top", String(filters.top));
  if (filters.resolution !== "auto") params.set("resolution", filters.resolution);
  if (table) {
    if (table.sort && table.sort !== DEFAULT_TABLE.sort) params.set("sort", table.sort);
    if (table.dir && table.dir !== (table.sort === "speaker" ? "asc" : "desc")) params.set("dir", table.dir);
    if (table.limit && table.limit !== DEFAULT_TABLE.limit) params.set("limit", String(table.limit));
    if (table.offset) params.set("offset", String(table.offset));
  }
  return params.toString();
}

export function hasNarrowingFilters(f: Filters): boolean {
  return Boolean(f.from || f.to || f.q || f.speakers.length || f.dyads.length || f.labels.length);
}

/** Short human description of the filters, e.g. for the export file name and chart caption. */
export function describeRange(f: Filters): string {
  if (f.from && f.to) return f.from === f.to ? f.from : `${f.from}_to_${f.to}`;
  if (f.from) return `from_${f.from}`;
  if (f.to) return `to_${f.to}`;
  return "all-dates";
}
