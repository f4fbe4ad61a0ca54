// Issue 22 in Chromium: the filter's day fields in the page's own format, statements known only
// to a range of days listed (as approximate) when the range overlaps the filter, dated events
// added on /admin (refused with a reason per field, nothing lost) and drawn on the dashboard's
// chart, and /methodology with its live tables, accuracy figures and events.
import type { Page } from "playwright-core";
import { adminPassword, baseUrl, browserSession, screenshotPath } from "./harness";

interface ApiEvent {
  id: number;
  day: string;
  label: string;
  url: string | null;
}

async function storedEvents(): Promise<ApiEvent[]> {
  const response = await fetch(`${baseUrl()}/api/events`);
  expect(response.status).toBe(200);
  return (await response.json()).events;
}

/** Opens /admin, logging in unless this page's session already has. */
async function openAdmin(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/admin`);
  if ((await page.getByLabel("Password").count()) > 0) {
    await page.getByLabel("Password").fill(adminPassword());
    await page.getByRole("button", { name: /log in/i }).click();
  }
  await page.getByRole("heading", { name: "Events" }).waitFor();
}

const LABEL = "Envoy recalled for talks";

describe("issue 22", () => {
  const session = browserSession();

  test("the day fields show and read days as the page writes them; an overlapping range is listed as approximate", async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/?from=2026-01-04`);
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("4 Jan 2026");
    expect(await page.getByLabel("From", { exact: true }).getAttribute("type")).toBe("text");

    // The filters fold into their one-line summary until opened.
    await page.locator(".filter-panel > summary").click();
    await page.getByLabel("From", { exact: true }).fill("3 Jan 2026");
    await page.getByLabel("To", { exact: true }).fill("Jan 3, 2026");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL((url) => url.searchParams.get("from") === "2026-01-03" && url.searchParams.get("to") === "2026-01-03");
    expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe("3 Jan 2026");

    // No seed statement is dated 3 Jan; two are known only to ranges that hold it.
    const days = await page.locator("tr.statement-row td.date").evaluateAll((cells) => cells.map((c) => ({ text: c.textContent ?? "", approximate: c.getAttribute("data-approximate") })));
    expect(days.length).toBeGreaterThanOrEqual(2);
    for (const day of days) expect(day).toEqual({ text: expect.stringMatching(/^≈ /), approximate: "true" });
    expect(days.map((d) => d.text)).toContain("≈ 3–4 Jan 2026");

    await page.getByLabel("From", { exact: true }).fill("31 Feb 2026");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.locator(".filter-error").getByText(/from: .*4 Jan 2026/).waitFor();
    expect(new URL(page.url()).searchParams.get("from")).toBe("2026-01-03");
  });

  test("an admin adds an event (bad input refused per field, nothing lost), the chart draws it, /methodology lists it, removing it clears it", async () => {
    const { page } = session;
    const before = await storedEvents();
    await openAdmin(page);
    const form = page.getByRole("form", { name: "Add an event" });

    await form.getByLabel("Day").fill("31 Feb 2026");
    await form.getByLabel("Label").fill(LABEL);
    await form.getByRole("button", { name: "Add event" }).click();
    await page.getByTestId("event-day-error").waitFor();
    expect(await page.getByTestId("event-error").innerText()).toMatch(/Nothing was stored/);
    expect(await form.getByLabel("Label").inputValue()).toBe(LABEL);
    expect(await storedEvents()).toEqual(before);

    await form.getByLabel("Day").fill("5 Jan 2026");
    await form.getByLabel("Label").fill(" ");
    await form.getByLabel("Link (optional)").fill("ftp://example.org/envoy");
    await form.getByRole("button", { name: "Add event" }).click();
    await page.getByTestId("event-label-error").waitFor();
    await page.getByTestId("event-url-error").waitFor();
    expect(await page.getByTestId("event-day-error").count()).toBe(0);
    expect(await storedEvents()).toEqual(before);
    await page.getByRole("heading", { name: "Events" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("admin-event-refused-1440.png") });

    await form.getByLabel("Label").fill(LABEL);
    await form.getByLabel("Link (optional)").fill("https://example.org/envoy");
    await form.getByRole("button", { name: "Add event" }).click();
    await page.getByTestId("event-status").getByText(`Added “${LABEL}” on 5 Jan 2026.`).waitFor();
    await page.getByTestId("events").getByText(LABEL).waitFor();
    const added = (await storedEvents()).find((e) => e.label === LABEL);
    expect(added).toMatchObject({ day: "2026-01-05", url: "https://example.org/envoy" });
    expect(await form.getByLabel("Label").inputValue()).toBe("");

    // The dashboard's chart: a vertical line on 5 Jan with the label, linked.
    await page.goto(`${baseUrl()}/`);
    const marker = page.locator(`.chart-event[data-day="2026-01-05"]`);
    await marker.waitFor();
    expect(await marker.textContent()).toBe(LABEL);
    expect(await marker.locator("a").getAttribute("href")).toBe("https://example.org/envoy");
    expect(await marker.locator("line").count()).toBe(1);
    await page.screenshot({ path: screenshotPath("dashboard-event-1440.png") });

    // Not on a chart whose span does not hold the day.
    await page.goto(`${baseUrl()}/?from=2026-01-06`);
    await page.waitForSelector('[data-testid="swing-chart"] .recharts-line-dots');
    expect(await page.locator(".chart-event").count()).toBe(0);

    // /methodology, reached from the header.
    await page.getByTestId("nav-methodology").click();
    await page.waitForURL(`${baseUrl()}/methodology`);
    await page.getByRole("heading", { name: "Methodology" }).waitFor();
    expect(await page.getByTestId("events-list").innerText()).toContain(`5 Jan 2026: ${LABEL}`);

    await openAdmin(page);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `Remove the event ${LABEL} on 5 Jan 2026` }).click();
    await page.getByTestId("event-status").getByText(`Removed “${LABEL}”.`).waitFor();
    expect((await storedEvents()).some((e) => e.label === LABEL)).toBe(false);
    await page.goto(`${baseUrl()}/`);
    await page.waitForSelector('[data-testid="swing-chart"] .recharts-line-curve');
    expect(await page.locator(`.chart-event[data-day="2026-01-05"]`).count()).toBe(0);
  });

  test("/methodology shows the live rules and dictionaries, the measured accuracy with its baselines and date, and every source", async () => {
    const { page } = session;
    const response = await page.goto(`${baseUrl()}/methodology`);
    expect(response?.status()).toBe(200);
    const weights = (await (await fetch(`${baseUrl()}/api/weights`)).json()).weights as { rules: Record<string, number> };
    expect(await page.locator("[data-testid=rules-table] tbody tr").count()).toBe(Object.keys(weights.rules).length);
    expect(await page.getByText(/value × weight = points/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId("verb-families").locator("tbody tr").count()).toBeGreaterThan(10);
    expect(await page.getByTestId("dictionary-sizes").innerText()).toMatch(/\d+ nouns, \d+ adjectives and \d+ phrases/);

    const measured = await page.getByTestId("accuracy-measured").innerText();
    expect(measured).toMatch(/^Measured on \d{1,2} [A-Z][a-z]{2} \d{4} with npm run eval -- --write-figures/);
    const accuracy = await page.getByTestId("accuracy").innerText();
    for (const text of ["test:", "dev:", "seeds:", "wink alone", "VADER", "found (of gold)"]) expect(accuracy).toContain(text);
    expect(accuracy).toMatch(/\d+\/\d+ · \d+ % \[\d+–\d+\]/);

    const sources = await page.getByTestId("sources").innerText();
    for (const text of ["WordNet", "VADER", "AFINN-165", "CAMEO", "Goldstein", "world-countries", "SOURCES.md", "Open Database License"]) expect(sources).toContain(text);
    await page.screenshot({ path: screenshotPath("methodology-1440.png"), fullPage: true });

    await page.goto(`${baseUrl()}/admin`);
    await page.getByTestId("nav-methodology").waitFor();
  });
});
