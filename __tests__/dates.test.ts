import { DateExpr, findDateMentions, findPublicationDate, resolveDateExpr } from "../lib/ingest/dates";
import * as fs from "fs";
import * as path from "path";
import { addDays, compareISO, daysBetween, intersectRanges, isSingleDay, isValidISODate, rangeContains, rangeWidthDays, toISODate, weekdayOf } from "../lib/core/days";

const exprs = (text: string) => findDateMentions(text).map((m) => m.expr);
const texts = (text: string) => findDateMentions(text).map((m) => m.text);
const one = (text: string): DateExpr => {
  const ms = findDateMentions(text);
  expect(ms).toHaveLength(1);
  return ms[0].expr;
};
const R = (from: string, to: string = from) => ({ from, to });

// Reference days used below (2026-01-04 is a Sunday).
const SAT = "2026-01-03";
const SUN = "2026-01-04";
const MON = "2026-01-05";
const WED = "2026-01-07";
const THU = "2026-01-08";
const FRI = "2026-01-09";
const NEW_YEAR = "2026-01-01"; // Thursday

describe("ISO day helpers", () => {
  test("weekdayOf is UTC and 0 = Sunday", () => {
    expect(weekdayOf(SUN)).toBe(0);
    expect(weekdayOf(SAT)).toBe(6);
    expect(weekdayOf(WED)).toBe(3);
    expect(weekdayOf("2024-02-29")).toBe(4);
  });

  test("addDays crosses month, year and leap-day boundaries", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays(THU, 0)).toBe(THU);
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30"); // no DST effects
  });

  test("daysBetween, compareISO, toISODate", () => {
    expect(daysBetween("2025-12-28", "2026-01-03")).toBe(6);
    expect(daysBetween(FRI, WED)).toBe(-2);
    expect(compareISO(WED, THU)).toBe(-1);
    expect(compareISO(THU, THU)).toBe(0);
    expect(toISODate(new Date("2026-01-08T23:30:00-05:00"))).toBe("2026-01-09");
  });

  test("isValidISODate", () => {
    expect(isValidISODate("2026-01-08")).toBe(true);
    expect(isValidISODate("2024-02-29")).toBe(true);
    expect(isValidISODate("2025-02-29")).toBe(false);
    expect(isValidISODate("2026-13-01")).toBe(false);
    expect(isValidISODate("2026-1-8")).toBe(false);
    expect(isValidISODate("Jan 8 2026")).toBe(false);
  });

  test("ranges: single day, width, intersection, containment", () => {
    expect(isSingleDay(R(THU))).toBe(true);
    expect(isSingleDay(R(SUN, THU))).toBe(false);
    expect(rangeWidthDays(R(THU))).toBe(1);
    expect(rangeWidthDays(R("2025-12-28", "2026-01-03"))).toBe(7);
    expect(intersectRanges(R(SUN, THU), R(WED, "2026-01-10"))).toEqual(R(WED, THU));
    expect(intersectRanges(R(SUN, MON), R(WED, THU))).toBeNull();
    expect(intersectRanges(R(SUN, WED), R(WED, FRI))).toEqual(R(WED));
    expect(rangeContains(R(SUN, THU), WED)).toBe(true);
    expect(rangeContains(R(SUN, THU), FRI)).toBe(false);
  });
});

describe("findDateMentions", () => {
  test("absolute days, with and without year", () => {
    expect(one("in Bogota, Colombia, Wednesday, Jan. 7, 2026.")).toEqual({ kind: "day", year: 2026, month: 1, day: 7 });
    expect(one("Washington, Jan 8,2026: Days after")).toEqual({ kind: "day", year: 2026, month: 1, day: 8 });
    expect(one("Capital City, January 9, 2026 – In a surprise")).toEqual({ kind: "day", year: 2026, month: 1, day: 9 });
    expect(one("the operation on January 3 that")).toEqual({ kind: "day", year: null, month: 1, day: 3 });
    expect(one("signed on 7 January 2026 in")).toEqual({ kind: "day", year: 2026, month: 1, day: 7 });
    expect(one("filed 2026-01-08 with")).toEqual({ kind: "day", year: 2026, month: 1, day: 8 });
    expect(one("the Sept. 12, 2025, decision")).toEqual({ kind: "day", year: 2025, month: 9, day: 12 });
  });

  test("a part of the day before the day it is of", () => {
    expect(one("the ministry on the morning of September 19 slammed")).toEqual({ kind: "day", year: null, month: 9, day: 19 });
    expect(one("on the evening of Tuesday, the minister said")).toEqual({ kind: "weekday", weekday: 2, modifier: "none" });
    expect(texts("late on the night of March 4, 2018 the embassy")).toEqual(["night of March 4, 2018"]);
  });

  test("spans point into the text", () => {
    const text = "The minister spoke on Sunday, and again on Jan. 7, 2026.";
    for (const m of findDateMentions(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(texts(text)).toEqual(["on Sunday", "Jan. 7, 2026"]);
  });

  test("weekdays, with times of day and 'last'", () => {
    expect(one("the leader said Wednesday that")).toEqual({ kind: "weekday", weekday: 3, modifier: "none" });
    expect(one("The call took place on Wednesday night, marking")).toEqual({ kind: "weekday", weekday: 3, modifier: "none" });
    expect(one("He spoke Monday morning to reporters")).toEqual({ kind: "weekday", weekday: 1, modifier: "none" });
    expect(one("Later Wednesday, addressing thousands")).toEqual({ kind: "weekday", weekday: 3, modifier: "none" });
    expect(one("as she said last Friday.")).toEqual({ kind: "weekday", weekday: 5, modifier: "last" });
    expect(one("as she said this past Friday.")).toEqual({ kind: "weekday", weekday: 5, modifier: "last" });
    expect(texts("as she said this past Friday.")).toEqual(["this past Friday"]);
    expect(one("In comments on Sunday, the envoy added")).toEqual({ kind: "weekday", weekday: 0, modifier: "none" });
    expect(texts("In comments on Sunday, the envoy added")).toEqual(["on Sunday"]);
    expect(one("ON SATURDAY the talks resumed")).toEqual({ kind: "weekday", weekday: 6, modifier: "none" });
  });

  test("a weekday before a capitalised word is a day after “on”, “earlier” or “later”, a name otherwise", () => {
    expect(texts("Earlier on Tuesday Peru announced sanctions")).toEqual(["on Tuesday"]);
    expect(texts("Later Tuesday Chile replied")).toEqual(["Tuesday"]);
    expect(texts("as the Sunday Times reported")).toEqual([]);
  });

  test("relative days", () => {
    expect(one("the premier said yesterday")).toEqual({ kind: "relativeDay", offset: -1 });
    expect(one("the premier said today")).toEqual({ kind: "relativeDay", offset: 0 });
    expect(one("as she put it last night,")).toEqual({ kind: "relativeDay", offset: -1 });
    expect(one("a statement issued three days ago")).toEqual({ kind: "relativeDay", offset: -3 });
    expect(one("a statement issued 2 days ago")).toEqual({ kind: "relativeDay", offset: -2 });
  });

  test("weeks", () => {
    expect(one("the envoy said this week that")).toEqual({ kind: "week", which: "this" });
    expect(one("Earlier this week, the envoy said")).toEqual({ kind: "week", which: "earlier-this" });
    expect(texts("Earlier this week, the envoy said")).toEqual(["Earlier this week"]);
    expect(one("The friction began last week when")).toEqual({ kind: "week", which: "last" });
    expect(one("statements made over the past week")).toEqual({ kind: "week", which: "past" });
    expect(texts("statements made over the past week")).toEqual(["over the past week"]);
  });

  test("plural spans are not dates, but a date beside them still is", () => {
    expect(findDateMentions("Tensions have grown in recent weeks and months, and in the coming days.")).toEqual([]);
    expect(texts("After months of talks, the minister spoke last week.")).toEqual(["last week"]);
    expect(texts("Weeks of talks ended this month.")).toEqual(["this month"]);
    expect(texts("Days of talks ended two days ago.")).toEqual(["two days ago"]);
  });

  test("weekends include the words before 'weekend'", () => {
    expect(findDateMentions("tensions that peaked over the weekend.")).toEqual([
      expect.objectContaining({ text: "over the weekend", expr: { kind: "weekend", which: "last" } }),
    ]);
    expect(texts("Over the past weekend, the president")).toEqual(["Over the past weekend"]);
    expect(texts("he said this weekend")).toEqual(["this weekend"]);
    expect(texts("he said last weekend")).toEqual(["last weekend"]);
    expect(texts("he said during the weekend")).toEqual(["during the weekend"]);
    expect(exprs("he said this past weekend")).toEqual([{ kind: "weekend", which: "last" }]);
  });

  test("months", () => {
    expect(one("imposed sanctions in October on the")).toEqual({ kind: "month", year: null, month: 10 });
    expect(one("In September 2025, the agency")).toEqual({ kind: "month", year: 2025, month: 9 });
    expect(one("sanctions on him last October.")).toEqual({ kind: "month", year: null, month: 10, modifier: "last" });
    expect(one("the ministry said last month")).toEqual({ kind: "relativeMonth", offset: -1 });
    expect(one("Earlier this month, the ministry said")).toEqual({ kind: "relativeMonth", offset: 0 });
    expect(one("strikes since September against boats")).toEqual({ kind: "month", year: null, month: 9 });
    expect(one("talks in mid-October collapsed")).toEqual({ kind: "month", year: null, month: 10 });
  });

  test("ignores lone years, durations, times, numbers, names and future-only expressions", () => {
    const ignored = [
      "a 1989 peace accord",
      "comparable to the 1937 bombing",
      "For three decades, the two worked together",
      "for the first time in almost 30 years",
      "a former M-19 guerrilla fighter",
      "In 2025, he put out an album",
      "this year's nominees",
      "late last year",
      "he spoke for roughly one hour",
      "let's call it diplomatic for now",
      "at 5 pm",
      "more than 30 strikes killed at least 110 people",
      "roughly $14 billion in aid over the past 20 years",
      "the Sunday Times reported",
      "the Sun reported",
      "we wed in spring",
      "June Carter sang",
      "the March on Washington",
      "the Super Tuesday primaries",
      "they will meet next week",
      "they will meet next Friday",
      "a day earlier the minister said",
      "over the past few days",
      "the 11 members",
      "24/7 coverage",
    ];
    for (const t of ignored) expect([t, findDateMentions(t)]).toEqual([t, []]);
  });

  test("seed article: mentions are found in order", () => {
    const seed = fs.readFileSync(path.join(__dirname, "..", "seeds", "003_881e0bc62006a258.txt"), "utf8");
    expect(texts(seed)).toEqual([
      "January 2026",
      "on Wednesday night",
      "last week",
      "Over the past weekend",
      "on Monday",
      "on Wednesday",
    ]);
  });
});

describe("a weekday before a name", () => {
  test("is a day after “on” even inside chrono's phrase (“on Monday Berg summoned”)", () => {
    expect(texts("Then on Monday Berg summoned the ambassador.")).toEqual(["on Monday"]);
  });
});

describe("a day of the month alone", () => {
  test("“on the 16th” is found when a comma, a clause or the sentence's end follows it", () => {
    expect(exprs("President Ola Berg said on the 16th, “We agree.”")).toEqual([{ kind: "dayOfMonth", day: 16 }]);
    expect(texts("The ministry said on the 3rd that talks would resume.")).toEqual(["on the 3rd"]);
    expect(exprs("Talks resumed on the 21st.")).toEqual([{ kind: "dayOfMonth", day: 21 }]);
  });

  test("an ordinal before a noun, or a day number past 31, is no date", () => {
    expect(exprs("The talks were held on the 16th floor of the hotel.")).toEqual([]);
    expect(exprs("He spoke on the 2nd day of the summit.")).toEqual([]);
    expect(exprs("The vote fell on the 45th anniversary.")).toEqual([]);
  });

  test("resolves to the reference's month, or the month before when the day is later than the reference", () => {
    expect(resolveDateExpr({ kind: "dayOfMonth", day: 3 }, WED)).toEqual(R("2026-01-03"));
    expect(resolveDateExpr({ kind: "dayOfMonth", day: 7 }, WED)).toEqual(R(WED));
    expect(resolveDateExpr({ kind: "dayOfMonth", day: 30 }, WED)).toEqual(R("2025-12-30"));
    expect(resolveDateExpr({ kind: "dayOfMonth", day: 31 }, "2026-03-05")).toBeNull(); // February has no 31st
  });
});

describe("resolveDateExpr", () => {
  const wd = (weekday: number, modifier: "none" | "last" = "none"): DateExpr => ({ kind: "weekday", weekday, modifier });

  test("weekday: latest on or before the reference, same day allowed", () => {
    expect(resolveDateExpr(wd(3), WED)).toEqual(R(WED));
    expect(resolveDateExpr(wd(3), THU)).toEqual(R(WED));
    expect(resolveDateExpr(wd(0), THU)).toEqual(R(SUN));
    expect(resolveDateExpr(wd(6), SUN)).toEqual(R(SAT));
    expect(resolveDateExpr(wd(0), SUN)).toEqual(R(SUN));
    expect(resolveDateExpr(wd(2), SUN)).toEqual(R("2025-12-30"));
  });

  test("weekday: the day after the reference is that adjacent day (a time zone ahead), not six days back", () => {
    expect(resolveDateExpr(wd(4), WED)).toEqual(R(THU));
    expect(resolveDateExpr(wd(1), SUN)).toEqual(R("2026-01-05"));
    expect(resolveDateExpr(wd(4, "last"), WED)).toEqual(R("2026-01-01"));
  });

  test("'last' weekday is strictly before the reference", () => {
    expect(resolveDateExpr(wd(5, "last"), FRI)).toEqual(R("2026-01-02"));
    expect(resolveDateExpr(wd(5, "last"), THU)).toEqual(R("2026-01-02"));
    expect(resolveDateExpr(wd(0, "last"), SUN)).toEqual(R("2025-12-28"));
  });

  test("weekday across the year boundary", () => {
    expect(resolveDateExpr(wd(6), NEW_YEAR)).toEqual(R("2025-12-27"));
    expect(resolveDateExpr(wd(5), NEW_YEAR)).toEqual(R("2026-01-02"));
    expect(resolveDateExpr(wd(3), NEW_YEAR)).toEqual(R("2025-12-31"));
  });

  test("relative days", () => {
    expect(resolveDateExpr({ kind: "relativeDay", offset: -1 }, NEW_YEAR)).toEqual(R("2025-12-31"));
    expect(resolveDateExpr({ kind: "relativeDay", offset: 0 }, THU)).toEqual(R(THU));
    expect(resolveDateExpr({ kind: "relativeDay", offset: -3 }, THU)).toEqual(R(MON));
  });

  test("weeks start on Sunday", () => {
    const week = (which: "this" | "earlier-this" | "last" | "past", ref: string) => resolveDateExpr({ kind: "week", which }, ref);
    expect(week("this", THU)).toEqual(R(SUN, THU));
    expect(week("earlier-this", THU)).toEqual(R(SUN, WED));
    expect(week("last", THU)).toEqual(R("2025-12-28", SAT));
    expect(week("past", THU)).toEqual(R("2026-01-01", THU));
    // reference on the Sunday that starts a week
    expect(week("this", SUN)).toEqual(R(SUN));
    expect(week("earlier-this", SUN)).toEqual(R(SUN));
    expect(week("last", SUN)).toEqual(R("2025-12-28", SAT));
    // reference on a Saturday ends the week
    expect(week("this", SAT)).toEqual(R("2025-12-28", SAT));
    expect(week("last", SAT)).toEqual(R("2025-12-21", "2025-12-27"));
    // across the year boundary
    expect(week("this", NEW_YEAR)).toEqual(R("2025-12-28", NEW_YEAR));
    expect(week("last", NEW_YEAR)).toEqual(R("2025-12-21", "2025-12-27"));
  });

  test("weekend: the latest one begun by the reference, never past it", () => {
    const weekend: DateExpr = { kind: "weekend", which: "last" };
    expect(resolveDateExpr(weekend, WED)).toEqual(R(SAT, SUN));
    expect(resolveDateExpr(weekend, FRI)).toEqual(R(SAT, SUN));
    expect(resolveDateExpr(weekend, MON)).toEqual(R(SAT, SUN));
    expect(resolveDateExpr(weekend, SUN)).toEqual(R(SAT, SUN));
    expect(resolveDateExpr(weekend, SAT)).toEqual(R(SAT));
    expect(resolveDateExpr(weekend, NEW_YEAR)).toEqual(R("2025-12-27", "2025-12-28"));
  });

  test("months: without a year the latest on/before the reference month, cut at the reference", () => {
    const month = (m: number, year: number | null = null): DateExpr => ({ kind: "month", year, month: m });
    expect(resolveDateExpr(month(10), FRI)).toEqual(R("2025-10-01", "2025-10-31"));
    expect(resolveDateExpr(month(9, 2025), null)).toEqual(R("2025-09-01", "2025-09-30"));
    expect(resolveDateExpr(month(1), FRI)).toEqual(R("2026-01-01", FRI));
    expect(resolveDateExpr(month(12), NEW_YEAR)).toEqual(R("2025-12-01", "2025-12-31"));
    expect(resolveDateExpr(month(2), "2024-06-01")).toEqual(R("2024-02-01", "2024-02-29"));
    const lastOct: DateExpr = { kind: "month", year: null, month: 10, modifier: "last" };
    expect(resolveDateExpr(lastOct, "2025-10-15")).toEqual(R("2024-10-01", "2024-10-31"));
    expect(resolveDateExpr(lastOct, "2025-11-02")).toEqual(R("2025-10-01", "2025-10-31"));
    expect(resolveDateExpr(month(10), "2025-10-15")).toEqual(R("2025-10-01", "2025-10-15"));
  });

  test("relative months", () => {
    expect(resolveDateExpr({ kind: "relativeMonth", offset: -1 }, NEW_YEAR)).toEqual(R("2025-12-01", "2025-12-31"));
    expect(resolveDateExpr({ kind: "relativeMonth", offset: 0 }, FRI)).toEqual(R("2026-01-01", FRI));
    expect(resolveDateExpr({ kind: "relativeMonth", offset: -1 }, "2024-03-31")).toEqual(R("2024-02-01", "2024-02-29"));
  });

  test("days without year: latest occurrence on or before the reference, or one in the coming month", () => {
    const day = (month: number, d: number, year: number | null = null): DateExpr => ({ kind: "day", year, month, day: d });
    expect(resolveDateExpr(day(1, 3), FRI)).toEqual(R(SAT));
    expect(resolveDateExpr(day(1, 9), FRI)).toEqual(R(FRI));
    expect(resolveDateExpr(day(1, 12), FRI)).toEqual(R("2026-01-12"));
    expect(resolveDateExpr(day(2, 12), FRI)).toEqual(R("2025-02-12"));
    expect(resolveDateExpr(day(12, 31), NEW_YEAR)).toEqual(R("2025-12-31"));
    expect(resolveDateExpr(day(2, 29), "2026-03-01")).toEqual(R("2024-02-29"));
    expect(resolveDateExpr(day(1, 7, 2026), null)).toEqual(R(WED));
    expect(resolveDateExpr(day(1, 7, 2026), "2020-01-01")).toEqual(R(WED)); // absolute: reference irrelevant
    expect(resolveDateExpr(day(2, 30, 2026), null)).toBeNull();
  });

  test("with no reference only absolute expressions resolve", () => {
    const relative: DateExpr[] = [
      { kind: "weekday", weekday: 3, modifier: "none" },
      { kind: "relativeDay", offset: -1 },
      { kind: "week", which: "this" },
      { kind: "weekend", which: "last" },
      { kind: "month", year: null, month: 10 },
      { kind: "relativeMonth", offset: -1 },
      { kind: "day", year: null, month: 1, day: 3 },
    ];
    for (const e of relative) expect(resolveDateExpr(e, null)).toBeNull();
  });

  test("an invented article resolved against its dateline", () => {
    const text =
      "Northport, March 12, 2025 – Prime Minister Alva Renn said on Monday that talks would resume. " +
      "Earlier this week, her rival accused her of stalling, and over the weekend he called the talks a farce. " +
      "Last month the two met in Southport; in October they had not spoken at all.";
    const ref = "2025-03-12"; // a Wednesday
    const resolved = findDateMentions(text).map((m) => [m.text, resolveDateExpr(m.expr, ref)]);
    expect(resolved).toEqual([
      ["March 12, 2025", R(ref)],
      ["on Monday", R("2025-03-10")],
      ["Earlier this week", R("2025-03-09", "2025-03-11")],
      ["over the weekend", R("2025-03-08", "2025-03-09")],
      ["Last month", R("2025-02-01", "2025-02-28")],
      ["October", R("2024-10-01", "2024-10-31")],
    ]);
  });
});

describe("findPublicationDate", () => {
  test("dateline near the start", () => {
    expect(findPublicationDate(["Capital City, Jan 8,2026: The minister said", "More text on Jan. 9, 2026."])).toEqual({
      date: "2026-01-08",
      from: "dateline",
    });
    expect(findPublicationDate(["11", "Capital City, Jan 8,2026: The minister said"])).toEqual({ date: "2026-01-08", from: "dateline" });
    expect(findPublicationDate(["Northport/Southport, January 9, 2026 – In a pivot"])).toEqual({ date: "2026-01-09", from: "dateline" });
    expect(findPublicationDate(["Published on March 3, 2025", "The minister said things."])).toEqual({ date: "2025-03-03", from: "dateline" });
  });

  test("a full date in the first sentence that is an event is not a dateline", () => {
    expect(
      findPublicationDate(["On Jan. 3, 2026, forces captured the port.", "A photo caption, Wednesday, Jan. 7, 2026."]),
    ).toEqual({ date: "2026-01-07", from: "text" });
  });

  test("a full date beyond the first 300 characters is text, the latest one wins", () => {
    const filler = "The minister spoke at length about many things. ".repeat(8);
    expect(findPublicationDate([filler, "Caption, Jan. 6, 2026.", "Another caption, Jan. 7, 2026.", "Old: Dec. 1, 2025."])).toEqual({
      date: "2026-01-07",
      from: "text",
    });
  });

  test("month-year or yearless dates are not publication dates", () => {
    expect(findPublicationDate(["He took office in January 2026.", "The raid on January 3 was a surprise."])).toBeNull();
    expect(findPublicationDate([])).toBeNull();
  });
});
