import { emptyFilters, FilterError, filtersToQuery, parseFilters, parseTableOptions } from "../lib/read/filters";

const parse = (qs: string, options?: Parameters<typeof parseFilters>[1]) => parseFilters(new URLSearchParams(qs), options);

function errorOf(fn: () => unknown): FilterError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FilterError) return e;
    throw e;
  }
  throw new Error("expected a FilterError");
}

describe("parseFilters", () => {
  it("reads every filter", () => {
    const f = parse("from=2026-01-01&to=2026-01-31&speaker=Ana%20Silva&speaker=Li%20Wei&dyad=Brazil%3EChina&label=hostile,neutral&q=talks&by=dyad&top=3&resolution=week");
    expect(f).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
      speakers: ["Ana Silva", "Li Wei"],
      dyads: [{ country: "Brazil", target: "China" }],
      labels: ["hostile", "neutral"],
      q: "talks",
      by: "dyad",
      top: 3,
      resolution: "week",
    });
  });

  it("reads days written as the page writes them, and gives them back as YYYY-MM-DD", () => {
    expect(parse("from=4%20Jan%202026&to=Jan%2031,%202026")).toMatchObject({ from: "2026-01-04", to: "2026-01-31" });
    expect(parse("from=29%20february%202024")).toMatchObject({ from: "2024-02-29" });
    expect(filtersToQuery(parse("from=4%20Jan%202026"))).toBe("from=2026-01-04");
    expect(errorOf(() => parse("from=29%20Feb%202026")).message).toMatch(/4 Jan 2026/);
    expect(errorOf(() => parse("from=4%20Ja%202026")).param).toBe("from");
  });

  it("treats empty form fields as unset and defaults the rest", () => {
    expect(parse("from=&to=&q=&speaker=")).toEqual(emptyFilters());
  });

  it.each([
    ["from=2026-02-30", "from", /not a calendar date/],
    ["to=yesterday", "to", /YYYY-MM-DD/],
    ["from=2026-02-01&to=2026-01-01", "to", /before/],
    ["label=angry", "label", /hostile, neutral or conciliatory/],
    ["by=country", "by", /speaker or dyad/],
    ["top=0", "top", /at least 1/],
    ["top=many", "top", /whole number/],
    ["resolution=year", "resolution", /auto, day, week, month/],
    ["dyad=Brazil", "dyad", /two countries/],
    ["from=2026-01-01&from=2026-01-02", "from", /more than once/],
    [`q=${"x".repeat(201)}`, "q", /200 characters/],
  ])("rejects %s naming the parameter", (qs, param, message) => {
    const e = errorOf(() => parse(qs));
    expect(e.param).toBe(param);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`${param}:`)).toBe(true);
  });

  it("rejects unknown parameters only when strict", () => {
    expect(parse("form=2026-01-01").from).toBeNull();
    expect(errorOf(() => parse("form=2026-01-01", { strict: true })).param).toBe("form");
    expect(errorOf(() => parse("sort=score", { strict: true })).param).toBe("sort");
    expect(() => parse("sort=score", { strict: true, tableParams: true })).not.toThrow();
  });
});

describe("filtersToQuery", () => {
  it("round-trips and leaves defaults out", () => {
    const qs = "from=2026-01-01&speaker=Ana+Silva&dyad=Brazil%3EChina&label=hostile&q=a+%26+b&by=dyad&top=3&resolution=month";
    expect(filtersToQuery(parse(qs))).toBe(qs);
    expect(parse(filtersToQuery(parse(qs)))).toEqual(parse(qs));
    expect(filtersToQuery(emptyFilters())).toBe("");
  });

  it("adds table options that differ from the defaults", () => {
    const table = parseTableOptions(new URLSearchParams("sort=score&dir=asc&offset=50"));
    expect(table).toEqual({ sort: "score", dir: "asc", limit: 50, offset: 50 });
    expect(filtersToQuery(emptyFilters(), table)).toBe("sort=score&dir=asc&offset=50");
    expect(parseTableOptions(new URLSearchParams("sort=speaker")).dir).toBe("asc");
  });
});
