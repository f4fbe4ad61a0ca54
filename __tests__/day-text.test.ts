// Days as the page writes them: typed into the filters and the events form, and shown in the
// statement table, where a day known only as a range is marked approximate; and the chart point
// a dated event is drawn on.
import { parseDayText } from "../lib/core/days";
import { formatDay, formatRange, formatTableDay } from "../lib/view/format";
import { eventsInSpan } from "../lib/view/events";

describe("parseDayText", () => {
  it.each([
    ["4 Jan 2026", "2026-01-04"],
    ["04 january 2026", "2026-01-04"],
    ["  4   Jan.  2026 ", "2026-01-04"],
    ["Jan 4, 2026", "2026-01-04"],
    ["September 30 2025", "2025-09-30"],
    ["1 Sept 2025", "2025-09-01"],
    ["29 Feb 2024", "2024-02-29"],
    ["2026-01-04", "2026-01-04"],
  ])("reads %p as %s", (text, day) => {
    expect(parseDayText(text)).toBe(day);
  });

  it.each(["29 Feb 2026", "31 Apr 2026", "2026-02-30", "4 Ja 2026", "4 Foo 2026", "4/1/2026", "01/04/2026", "Jan 2026", "yesterday", ""])("refuses %p", (text) => {
    expect(parseDayText(text)).toBeNull();
  });

  it("reads back every day the page writes", () => {
    for (const day of ["2026-01-04", "2025-12-31", "2024-02-29", "2026-05-01", "2026-09-09"]) expect(parseDayText(formatDay(day))).toBe(day);
  });
});

describe("the statement table's day", () => {
  it("says a range once, month and year not repeated", () => {
    expect(formatRange({ from: "2026-01-03", to: "2026-01-04" })).toBe("3–4 Jan 2026");
    expect(formatRange({ from: "2026-01-30", to: "2026-02-02" })).toBe("30 Jan – 2 Feb 2026");
    expect(formatRange({ from: "2025-12-30", to: "2026-01-02" })).toBe("30 Dec 2025 – 2 Jan 2026");
    expect(formatRange({ from: "2026-01-04", to: "2026-01-04" })).toBe("4 Jan 2026");
  });

  it("marks a day known only as a range as approximate", () => {
    expect(formatTableDay("2026-01-04", { from: "2026-01-04", to: "2026-01-04" })).toEqual({ text: "4 Jan 2026", approximate: false });
    expect(formatTableDay(null, { from: "2026-01-03", to: "2026-01-04" })).toEqual({ text: "≈ 3–4 Jan 2026", approximate: true });
    expect(formatTableDay(null, { from: "2026-01-03", to: "2026-01-04" }, true)).toEqual({ text: "≈ 3–4 Jan 2026 (reported)", approximate: true });
    expect(formatTableDay(null, { from: "2026-01-05", to: "2026-01-05" })).toEqual({ text: "5 Jan 2026", approximate: false });
    expect(formatTableDay(null, null)).toEqual({ text: "date unknown", approximate: false });
  });
});

describe("eventsInSpan", () => {
  const events = [
    { day: "2026-01-04", label: "Sunday" },
    { day: "2026-01-07", label: "Wednesday", url: "https://example.org/w" },
    { day: "2026-02-10", label: "February" },
  ];

  it("puts an event on the point whose period holds its day, and leaves out those the chart has no point for", () => {
    expect(eventsInSpan(events, ["2026-01-04", "2026-01-05", "2026-01-07"], "day").map((p) => [p.label, p.period])).toEqual([
      ["Sunday", "2026-01-04"],
      ["Wednesday", "2026-01-07"],
    ]);
    // Weeks start on Monday: 4 Jan 2026 (a Sunday) belongs to the week of 29 Dec.
    expect(eventsInSpan(events, ["2025-12-29", "2026-01-05"], "week").map((p) => [p.label, p.period])).toEqual([
      ["Sunday", "2025-12-29"],
      ["Wednesday", "2026-01-05"],
    ]);
    expect(eventsInSpan(events, ["2026-01-01", "2026-02-01"], "month").map((p) => p.period)).toEqual(["2026-01-01", "2026-01-01", "2026-02-01"]);
    expect(eventsInSpan(events, [], "day")).toEqual([]);
  });
});
