// Web pages reduced to their article (lib/ingest/html/): the invented pages of __tests__/pages/
// imitate the markup of common news content systems. Each page gives its headline, paragraphs,
// day, outlet and address, without the page's furniture; pages without an article are refused
// with why; and an article read from a page is the article read from the same text with front
// matter.
import fs from "node:fs";
import path from "node:path";
import { articleText, reduceHtml, type HtmlArticle } from "../lib/ingest/html/page";
import { dayOfTimestamp } from "../lib/ingest/html/metadata";
import { InputRejected, parseArticle } from "../lib/ingest/input";
import { analyzeBatch } from "../lib/ingest/batch";

const PAGES = path.join(__dirname, "pages");
const page = (name: string) => fs.readFileSync(path.join(PAGES, name), "utf8");

function article(name: string, url?: string): HtmlArticle {
  const reduced = reduceHtml(page(name), url);
  if (!reduced.ok) throw new Error(`${name} was refused: ${reduced.reason}`);
  return reduced.article;
}

function refusal(name: string): string {
  const reduced = reduceHtml(page(name));
  if (reduced.ok) throw new Error(`${name} was read as an article: ${reduced.article.title}`);
  return reduced.reason;
}

/** Every paragraph of an article, joined: what furniture must not appear in. */
const allText = (a: HtmlArticle) => a.paragraphs.join("\n");

describe("pages of common content systems", () => {
  test("WordPress: JSON-LD in a @graph gives the day; share buttons, related posts and comments are left out", () => {
    const a = article("wordpress.html");
    expect(a).toMatchObject({
      title: "Norway warns Sweden over fishing boats",
      published: "2026-01-05",
      outlet: "Fjord Post",
      url: "https://fjordpost.example/2026/01/05/norway-warns-sweden-fishing/",
    });
    expect(a.paragraphs).toHaveLength(5);
    expect(a.paragraphs[0]).toBe("OSLO — Norwegian Prime Minister Ola Berg on Monday accused Sweden of sending fishing boats into Norwegian waters and warned that his government would respond.");
    expect(a.paragraphs[4]).toMatch(/^Talks between the two governments/);
    expect(allText(a)).not.toMatch(/Share on|Related|Great article|Privacy|Posted in/);
  });

  test("Arc-like: article:published_time and og:site_name; the ad label, the read-more link and the right rail are left out", () => {
    const a = article("arc.html");
    expect(a).toMatchObject({
      title: "Sweden’s foreign minister offers talks on the border bridge",
      published: "2026-01-07",
      outlet: "The Capital Ledger",
      url: "https://www.capitalledger.example/world/2026/01/07/sweden-offers-talks-bridge/",
    });
    expect(a.paragraphs[0]).toMatch(/^STOCKHOLM — Swedish Foreign Minister Karin Lund on Wednesday offered/);
    expect(a.paragraphs.some((p) => p.startsWith("“We want to settle this at the table"))).toBe(true);
    expect(a.paragraphs.at(-1)).toMatch(/^Trade across the bridge rose last year/);
    expect(allText(a)).not.toMatch(/Advertisement|Most read|Markets slip|Terms of Use/);
  });

  test("BBC-like: only <time datetime> gives the day; a relative canonical link is read against the page's address", () => {
    const a = article("bbc.html", "https://nbn.example/news/world-nordic-6712345?at_medium=feed");
    expect(a).toMatchObject({
      title: "Norway and Sweden agree to reopen border crossing",
      published: "2026-01-09",
      outlet: "Northern Broadcasting News",
      url: "https://nbn.example/news/world-nordic-6712345",
    });
    expect(a.paragraphs[0]).toMatch(/^Norway and Sweden have agreed to reopen the northern border crossing/);
    expect(a.paragraphs).toContain("The crossing will open again on Monday morning, with joint patrols from both sides.");
    expect(allText(a)).not.toMatch(/closed in December, officials said|Related topics|Copyright/);
    // Without the page's address a relative link names no page.
    expect(article("bbc.html").url).toBeNull();
  });

  test("Guardian-like: the day as the page wrote it; the pull quote is not a paragraph twice", () => {
    const a = article("guardian.html");
    expect(a).toMatchObject({
      title: "Sweden accuses Norway of stalling on fishing talks",
      published: "2026-01-12",
      outlet: "the Evening Ledger",
      url: "https://www.eveningledger.example/world/2026/jan/12/sweden-accuses-norway-stalling-fishing-talks",
    });
    expect(a.paragraphs.filter((p) => p.includes("We will not wait for ever"))).toHaveLength(1);
    expect(a.paragraphs).toContain("What happens next");
    expect(allText(a)).not.toMatch(/Support us|Terms and conditions/);
  });
});

describe("pages without an article are refused with why", () => {
  test("a section front of headlines and links, even one that calls itself an article", () => {
    expect(refusal("index.html")).toMatch(/^no article on this page/);
    const declared = reduceHtml(page("index.html").replace('content="website"', 'content="article"'));
    expect(declared).toEqual({ ok: false, reason: expect.stringMatching(/^(no article on this page|too little article text)/) });
  });

  test("a paywalled teaser", () => {
    expect(refusal("paywall.html")).toMatch(/^the article is behind a paywall \(the page holds \d+ words of it\)$/);
  });

  test("a free page with too little text, and an empty page", () => {
    const stub = page("wordpress.html").replace(/<div class="entry-content">[\s\S]*?<\/div>\n<footer/, '<div class="entry-content"><p>Ola Berg spoke in Oslo on Monday about the boats.</p></div>\n<footer');
    const reduced = reduceHtml(stub);
    expect(reduced).toEqual({ ok: false, reason: expect.stringMatching(/^too little article text on this page \(\d+ words; an article needs at least 60\)$/) });
    expect(reduceHtml("<!DOCTYPE html><html><head><title>Empty</title></head><body></body></html>").ok).toBe(false);
  });
});

describe("the day a timestamp was written for", () => {
  test("the written date, whatever the offset; invalid days are none", () => {
    expect(dayOfTimestamp("2026-01-05T23:30:00-05:00")).toBe("2026-01-05");
    expect(dayOfTimestamp("2026/01/05 08:00")).toBe("2026-01-05");
    expect(dayOfTimestamp("2026-02-30T10:00:00Z")).toBeNull();
    expect(dayOfTimestamp("January 5, 2026")).toBeNull();
    expect(dayOfTimestamp(null)).toBeNull();
  });
});

describe("a page as an input file", () => {
  test("a page is the same article as its text with front matter", () => {
    const fromPage = parseArticle("saved/wordpress.html", Buffer.from(page("wordpress.html")));
    const text = [
      "---",
      'title: "Norway warns Sweden over fishing boats"',
      "date: 2026-01-05",
      "source: Fjord Post",
      "url: https://fjordpost.example/2026/01/05/norway-warns-sweden-fishing/",
      "---",
      ...article("wordpress.html").paragraphs.flatMap((p) => [p, ""]),
    ].join("\n");
    const fromText = parseArticle("saved/wordpress.txt", Buffer.from(text));
    expect({ ...fromPage, path: "" }).toEqual({ ...fromText, path: "" });
    expect(fromPage).toMatchObject({ published: "2026-01-05", publishedFrom: "front-matter", source: "Fjord Post" });
  });

  test("articleText round-trips any headline through the front matter", () => {
    const a: HtmlArticle = { title: 'He said: "no" — #1 --- [draft] {x}', paragraphs: ["One paragraph of text that is long enough to count as prose here."], published: null, outlet: "A: B", url: null };
    const parsed = parseArticle("p.html", Buffer.from(articleText(a)));
    expect(parsed).toMatchObject({ title: a.title, source: "A: B", url: null, published: null, paragraphs: a.paragraphs });
  });

  test("a page's address (the input's path when fetched) stands in for a missing canonical link", () => {
    const url = "https://nbn.example/news/world-nordic-6712345";
    expect(parseArticle(url, Buffer.from(page("bbc.html"))).url).toBe(url);
    expect(parseArticle("saved/bbc.html", Buffer.from(page("bbc.html"))).url).toBeNull();
  });

  test("a page without an article is an InputRejected naming the file", () => {
    expect(() => parseArticle("saved/index.html", Buffer.from(page("index.html")))).toThrow(InputRejected);
    expect(() => parseArticle("saved/index.html", Buffer.from(page("index.html")))).toThrow(/^saved\/index\.html: no article on this page/);
  });

  test("the pipeline finds the officials' statements in every page", () => {
    const inputs = ["wordpress.html", "arc.html", "bbc.html", "guardian.html", "index.html"].map((name) => ({ path: `saved/${name}`, bytes: Buffer.from(page(name)) }));
    const result = analyzeBatch(inputs);
    expect(result.rejected.map((r) => r.path)).toEqual(["saved/index.html"]);
    expect(result.articles).toHaveLength(4);
    const speakers = new Set(result.statements.map((s) => s.speaker));
    expect([...speakers].join(" ")).toMatch(/Berg/);
    expect([...speakers].join(" ")).toMatch(/Lund/);
    const berg = result.statements.find((s) => s.text.includes("stop these provocations"));
    expect(berg).toMatchObject({ date: "2026-01-05" });
  });
});
