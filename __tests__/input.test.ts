import * as fs from "fs";
import * as path from "path";
import { InputRejected, MAX_INPUT_BYTES, MAX_PARAGRAPH_CHARS, MAX_SENTENCE_CHARS, firstInvalidUtf8Offset, parseArticle, splitParagraphs } from "../lib/ingest/input";

const SEEDS = path.join(__dirname, "..", "seeds");
const seed = (prefix: string) => {
  const name = fs.readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return parseArticle(`seeds/${name}`, fs.readFileSync(path.join(SEEDS, name)));
};

const ARTICLE = [
  "Ministers trade barbs over fishing rights",
  "",
  "Northport, March 12, 2025 – Prime Minister Alva Renn said on Monday that talks with Southland would resume.",
  "",
  "Her rival, President Oskar Dahl, said over the weekend that the talks were “a farce” and would fail.",
  "",
].join("\n");

const buf = (s: string) => Buffer.from(s, "utf8");
const parse = (s: string | Buffer, p = "in/test.txt") => parseArticle(p, typeof s === "string" ? buf(s) : s);

/** The InputRejected a parse throws (fails the test when it does not throw). */
function rejection(input: string | Buffer, p = "in/test.txt"): InputRejected {
  try {
    parse(input, p);
  } catch (e) {
    expect(e).toBeInstanceOf(InputRejected);
    return e as InputRejected;
  }
  throw new Error("expected InputRejected, but the input was accepted");
}

describe("rejections", () => {
  test("InputRejected carries path and reason; the message names the file", () => {
    const e = rejection("", "seeds/x.txt");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("InputRejected");
    expect(e.path).toBe("seeds/x.txt");
    expect(e.reason).toBe("empty file");
    expect(e.message).toBe("seeds/x.txt: empty file");
  });

  test("empty and whitespace-only files", () => {
    expect(rejection(Buffer.alloc(0)).reason).toBe("empty file");
    expect(rejection("   \n\t\r\n  \n").reason).toMatch(/^empty file \(only whitespace\)/);
    expect(rejection("\uFEFF\n\u00a0\n").reason).toMatch(/only whitespace/);
  });

  test("larger than 5 MB, checked before decoding", () => {
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1, 0x61);
    expect(rejection(big).reason).toBe(`too large (${MAX_INPUT_BYTES + 1} bytes; the limit is 5242880 bytes = 5 MB)`);
    // Invalid UTF-8 and NUL bytes everywhere: size is still the reason given.
    expect(rejection(Buffer.alloc(MAX_INPUT_BYTES + 1, 0xff)).reason).toMatch(/^too large/);
    expect(rejection(Buffer.alloc(MAX_INPUT_BYTES + 1, 0)).reason).toMatch(/^too large/);
  });

  test("exactly 5 MB is accepted", () => {
    const head = buf(ARTICLE);
    const pad = Buffer.alloc(MAX_INPUT_BYTES - head.length, 0x20);
    const a = parse(Buffer.concat([head, pad]));
    expect(a.title).toBe("Ministers trade barbs over fishing rights");
  });

  test("binary: NUL bytes", () => {
    const bytes = Buffer.concat([buf("Headline\n\nSome text here"), Buffer.from([0x00, 0x01, 0x02]), buf(" and more")]);
    const e = rejection(bytes);
    expect(e.reason).toBe("binary data, not text (NUL byte at offset 24)");
    expect(e.message).toBe("in/test.txt: binary data, not text (NUL byte at offset 24)");
  });

  test("binary: a PNG header", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(rejection(png).reason).toMatch(/^binary data/);
  });

  test("binary: a high share of control characters without NULs", () => {
    const bytes = Buffer.alloc(400);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 10 === 0 ? 0x07 : 0x61 + (i % 26);
    expect(rejection(bytes).reason).toMatch(/^binary data, not text \(40 control characters, 10\.0% of the bytes\)$/);
  });

  test("a stray control character in a real article is tolerated", () => {
    const a = parse(ARTICLE.replace("talks with", "talks\u0007 with"));
    expect(a.paragraphs[0]).toContain("talks with Southland");
  });

  test("not UTF-8: invalid byte sequence with its offset", () => {
    const latin1 = Buffer.concat([buf("Headline\n\nThe caf"), Buffer.from([0xe9]), buf(" on the corner served everyone coffee.")]);
    expect(rejection(latin1, "seeds/x.txt").message).toBe("seeds/x.txt: not UTF-8 text (invalid byte sequence at offset 17)");
    // truncated multi-byte sequence at the end
    const truncated = Buffer.concat([buf(ARTICLE), Buffer.from([0xe2, 0x80])]);
    expect(rejection(truncated).reason).toBe(`not UTF-8 text (invalid byte sequence at offset ${buf(ARTICLE).length})`);
  });

  test("not UTF-8: UTF-16 with a byte order mark", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, "utf16le")]);
    expect(rejection(utf16).reason).toMatch(/^not UTF-8 text \(starts with a UTF-16 byte order mark\)/);
  });

  test("firstInvalidUtf8Offset agrees with the strict decoder", () => {
    const cases: number[][] = [
      [0x61, 0xc3, 0xa9], // é: valid
      [0x61, 0xc0, 0x80], // overlong NUL
      [0xed, 0xa0, 0x80], // surrogate
      [0xf4, 0x90, 0x80, 0x80], // > U+10FFFF
      [0x61, 0x62, 0x80], // lone continuation byte
      [0xf0, 0x9f, 0x98, 0x80], // emoji: valid
      [0xe2, 0x82], // truncated
    ];
    const expected = [-1, 1, 0, 0, 2, -1, 0];
    cases.forEach((c, i) => {
      const bytes = Uint8Array.from(c);
      expect(firstInvalidUtf8Offset(bytes)).toBe(expected[i]);
      let decoderOk = true;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        decoderOk = false;
      }
      expect(decoderOk).toBe(expected[i] === -1);
    });
  });

  test("HTML pages are read for their article; one without an article is refused with why", () => {
    const page = "<!DOCTYPE html>\n<html><head><title>News</title></head><body><p>Text of the story goes here and on.</p></body></html>";
    expect(rejection(page).reason).toMatch(/^no article on this page|^too little article text/);
    expect(rejection("  <html lang=\"en\">\n<body>a story</body></html>").reason).toMatch(/^no article on this page|^too little article text/);
    const fragment =
      "Ministers trade barbs\n\n<div class=\"story\"><p>The minister said the talks would resume next month.</p>\n<p>Her rival disagreed.</p></div>\n<script>track()</script>";
    expect(rejection(fragment).reason).toMatch(/^no article on this page|^too little article text/);
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: Prime Minister Alva Renn said on Monday that the talks with Southland would resume next month in Northport.</p>`).join("\n");
    const article = parse(`<!DOCTYPE html><html><head><title>Talks to resume</title><meta property="article:published_time" content="2025-03-12T08:00:00Z"></head><body><article><h1>Talks to resume</h1>${story}</article></body></html>`);
    expect(article).toMatchObject({ title: "Talks to resume", published: "2025-03-12", publishedFrom: "front-matter" });
    expect(article.paragraphs).toHaveLength(6);
  });

  test("an article that merely mentions a tag is not HTML", () => {
    const a = parse(ARTICLE + "\nThe exploit used a <script> tag hidden in a comment field of the form.\n");
    expect(a.paragraphs).toHaveLength(3);
  });

  test("malformed YAML front matter", () => {
    const e = rejection("---\ntitle: [unclosed\ndate: 2026-01-08\n---\n" + ARTICLE);
    expect(e.reason).toMatch(/^malformed YAML front matter/);
    const e2 = rejection("---\ntitle: A\n  bad: indent\n---\n" + ARTICLE);
    expect(e2.reason).toMatch(/^malformed YAML front matter at line \d+: /);
  });

  test("malformed front matter is rejected every time (gray-matter's cache is bypassed)", () => {
    const bad = "---\nsource: {a: 1\n---\n" + ARTICLE;
    expect(rejection(bad).reason).toMatch(/^malformed YAML/);
    expect(rejection(bad).reason).toMatch(/^malformed YAML/);
  });

  test("front matter that is not key: value fields", () => {
    expect(rejection("---\n- a\n- b\n---\n" + ARTICLE).reason).toMatch(/^malformed YAML front matter: not a list of key: value fields/);
    expect(rejection("---\njust a sentence\n---\n" + ARTICLE).reason).toMatch(/not a list of key: value fields/);
  });

  test("front matter never closed", () => {
    expect(rejection("---\ntitle: Hello\n" + ARTICLE).reason).toBe('front matter opened with "---" on line 1 is never closed');
  });

  test("non-YAML front matter is refused and never evaluated", () => {
    const g = globalThis as { __inputTestPwned?: number };
    const e = rejection("---js\n{ title: (globalThis.__inputTestPwned = 1) }\n---\n" + ARTICLE);
    expect(e.reason).toBe('front matter in "js" is not supported (only YAML)');
    expect(g.__inputTestPwned).toBeUndefined();
  });

  test("bad date field", () => {
    expect(rejection("---\ndate: 2026-02-30\n---\n" + ARTICLE).reason).toBe(
      'front matter field "date" is not a valid YYYY-MM-DD date (got "2026-02-30")',
    );
    expect(rejection("---\ndate: 2025-02-29\n---\n" + ARTICLE).reason).toMatch(/field "date" is not a valid YYYY-MM-DD date \(got "2025-02-29"\)/);
    expect(rejection("---\ndate: 2026-1-40\n---\n" + ARTICLE).reason).toMatch(/field "date"/);
    expect(parse("---\ndate: 2024-02-29\n---\n" + ARTICLE).published).toBe("2024-02-29");
    expect(rejection("---\ndate: yesterday\n---\n" + ARTICLE).reason).toMatch(/field "date" is not a valid YYYY-MM-DD date/);
    expect(rejection("---\ndate: 08/01/2026\n---\n" + ARTICLE).reason).toMatch(/field "date"/);
    expect(rejection("---\ndate: 2026\n---\n" + ARTICLE).reason).toMatch(/field "date".*\(got 2026\)/);
  });

  test("a non-text title field", () => {
    expect(rejection("---\ntitle:\n  - a\n  - b\n---\n" + ARTICLE).reason).toBe('front matter field "title" must be text');
  });

  test("no paragraph of prose", () => {
    expect(rejection("Just a headline\n").reason).toMatch(/^no paragraph of prose/);
    expect(rejection("A headline\n\n11\n\n2026\n\n---\n").reason).toMatch(/^no paragraph of prose/);
    expect(rejection("id,name,value\n1,alpha,3\n2,beta,4\n").reason).toMatch(/^no paragraph of prose/);
    expect(rejection("---\ntitle: Only front matter\n---\n\n\n").reason).toBe("no text after the front matter");
  });
});

describe("text normalization", () => {
  test("strips a UTF-8 BOM, normalizes CRLF and NFC", () => {
    const decomposed = "Cafe\u0301 owners protest new rules\r\n\r\nThe cafe\u0301 owners of the old town said on Monday they would close.\r\n";
    const a = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf(decomposed)]));
    expect(a.title).toBe("Café owners protest new rules");
    expect(a.paragraphs).toEqual(["The café owners of the old town said on Monday they would close."]);
  });

  test("the same text hashes equally with different front matter, line endings and trailing whitespace", () => {
    const plain = parse(ARTICLE);
    const withFm = parse("---\nsource: Northport Herald\ndate: 2025-03-12\n---\n" + ARTICLE);
    const crlf = parse(ARTICLE.replace(/\n/g, "  \r\n") + "\n\n   \n");
    const bom = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf(ARTICLE)]));
    expect(plain.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(withFm.contentHash).toBe(plain.contentHash);
    expect(crlf.contentHash).toBe(plain.contentHash);
    expect(bom.contentHash).toBe(plain.contentHash);
    expect(parse(ARTICLE.replace("farce", "sham")).contentHash).not.toBe(plain.contentHash);
  });

  test("paragraph whitespace is collapsed", () => {
    const a = parse("Headline here\n\n  The   minister\tsaid\u00a0on Monday that talks would resume.   \n");
    expect(a.paragraphs).toEqual(["The minister said on Monday that talks would resume."]);
  });
});

describe("front matter", () => {
  test("date (a YAML timestamp), source, url, title", () => {
    const a = parse(
      "---\ntitle: Renn and Dahl trade barbs\nsource: Northport Herald\nurl: https://example.org/news/1\ndate: 2025-03-13\n---\n" + ARTICLE,
    );
    expect(a).toMatchObject({
      title: "Renn and Dahl trade barbs",
      source: "Northport Herald",
      url: "https://example.org/news/1",
      published: "2025-03-13",
      publishedFrom: "front-matter",
    });
    // the headline differs from the front matter title, so it stays a paragraph
    expect(a.paragraphs[0]).toBe("Ministers trade barbs over fishing rights");
  });

  test("the body starts right after the closing delimiter's line, with or without a blank line, whatever follows", () => {
    const plain = parse(ARTICLE);
    for (const fm of ["---\nsource: Herald\n---\n", "---\nsource: Herald\n---\n\n", "---\r\nsource: Herald\r\n---\r\n", "---yaml\nsource: Herald\n---\n"]) {
      const a = parse(fm + ARTICLE);
      expect(a.source).toBe("Herald");
      expect(a.paragraphs).toEqual(plain.paragraphs);
      expect(a.contentHash).toBe(plain.contentHash);
    }
    // The first "\n---" closes, as in gray-matter, even when more text follows on that line.
    const later = parse("---\nsource: Herald\n--- ignored\n---\n" + ARTICLE);
    expect(later.source).toBe("Herald");
    expect(later.title).toBe("ignored");
  });

  test("a quoted date string and a timestamp with a time zone (UTC day)", () => {
    expect(parse('---\ndate: "2025-03-13"\n---\n' + ARTICLE).published).toBe("2025-03-13");
    expect(parse("---\ndate: 2025-03-13T22:30:00-05:00\n---\n" + ARTICLE).published).toBe("2025-03-14");
  });

  test("a headline equal to the front matter title is removed", () => {
    const a = parse("---\ntitle: Ministers Trade Barbs Over Fishing Rights\n---\n" + ARTICLE);
    expect(a.title).toBe("Ministers Trade Barbs Over Fishing Rights");
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs[0]).toMatch(/^Northport, March 12, 2025/);
  });

  test("empty front matter and missing fields", () => {
    const a = parse("---\n---\n" + ARTICLE);
    expect(a).toMatchObject({ title: "Ministers trade barbs over fishing rights", source: null, url: null });
    expect(a.published).toBe("2025-03-12");
    expect(a.publishedFrom).toBe("dateline");
  });

  test("without front matter there is no source or url", () => {
    const a = parse(ARTICLE, "in/renn.txt");
    expect(a).toMatchObject({ path: "in/renn.txt", source: null, url: null, published: "2025-03-12", publishedFrom: "dateline" });
  });
});

describe("title and paragraphs", () => {
  test("first non-empty line is the headline; the rest are paragraphs", () => {
    const a = parse("\n\n" + ARTICLE);
    expect(a.title).toBe("Ministers trade barbs over fishing rights");
    expect(a.paragraphs).toEqual([
      "Northport, March 12, 2025 – Prime Minister Alva Renn said on Monday that talks with Southland would resume.",
      "Her rival, President Oskar Dahl, said over the weekend that the talks were “a farce” and would fail.",
    ]);
  });

  test("each line is a paragraph, even without blank lines; repeated lines are kept", () => {
    const caption = "Supporters of Alva Renn attend a rally in Northport, Wednesday, March 12, 2025, waving flags and banners.";
    const a = parse(`Headline about a rally\nThe rally drew thousands of people to the main square of Northport.\n${caption}\n${caption}\n`);
    expect(a.paragraphs).toEqual(["The rally drew thousands of people to the main square of Northport.", caption, caption]);
    expect(a).toMatchObject({ published: "2025-03-12", publishedFrom: "text" });
  });

  test("hard-wrapped blocks are joined into paragraphs", () => {
    const wrapped = [
      "Ministers trade barbs",
      "",
      "Prime Minister Alva Renn said on Monday that talks with",
      "Southland would resume within the month, according to",
      "her office.",
      "",
      "Her rival disagreed and called the talks a farce in a",
      "statement.",
    ].join("\n");
    const a = parse(wrapped);
    expect(a.paragraphs).toEqual([
      "Prime Minister Alva Renn said on Monday that talks with Southland would resume within the month, according to her office.",
      "Her rival disagreed and called the talks a farce in a statement.",
    ]);
  });

  test("splitParagraphs keeps short complete lines apart", () => {
    expect(splitParagraphs("One sentence here.\nAnother one here.\n\nThird.")).toEqual(["One sentence here.", "Another one here.", "Third."]);
  });

  test("a file whose first line is already prose keeps it, titled by its first sentence", () => {
    const first =
      "Northport, March 12, 2025 – Prime Minister Alva Renn said on Monday that talks with Southland would resume. " +
      "She added that both sides had agreed on an agenda and that the first round of talks would take place in the capital soon.";
    const a = parse(first + "\nHer rival, President Oskar Dahl, said the talks were a farce.\n");
    expect(a.title).toBe("Prime Minister Alva Renn said on Monday that talks with Southland would resume.");
    expect(a.paragraphs[0]).toBe(first);
    expect(a.paragraphs).toHaveLength(2);
    expect(a).toMatchObject({ published: "2025-03-12", publishedFrom: "dateline" });
  });
});

describe("overlong paragraphs", () => {
  const sentences = Array.from({ length: 150 }, (_, i) => `Talks with Southland resume in round ${i}.`).join(" ");
  const clauses = Array.from({ length: 200 }, (_, i) => `the talks go on in round ${i}`).join(", ");
  const words = Array.from({ length: 700 }, (_, i) => `round${i}`).join(" ");
  const parsed = parse(`Headline\nPrime Minister Alva Renn said the talks would resume.\n${sentences}\n${clauses}\n${words}\n`);
  test("are cut at sentence ends, none longer than the bound; a short one stays whole", () => {
    expect(parsed.paragraphs[0]).toBe("Prime Minister Alva Renn said the talks would resume.");
    const cut = parsed.paragraphs.filter((p) => p.startsWith("Talks with"));
    expect(cut.length).toBeGreaterThan(1);
    for (const p of cut) expect(p.length).toBeLessThanOrEqual(MAX_PARAGRAPH_CHARS);
    for (const p of cut) expect(p).toMatch(/\.$/);
    expect(cut.join(" ")).toBe(sentences);
  });

  test("a sentence without an end is cut after a clause mark, else at a space, and no word is lost", () => {
    const byClause = parsed.paragraphs.filter((p) => p.startsWith("the talks go on"));
    expect(byClause.length).toBeGreaterThan(1);
    for (const p of byClause) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    for (const p of byClause.slice(0, -1)) expect(p).toMatch(/,$/);
    expect(byClause.join(" ")).toBe(clauses);
    const bySpace = parsed.paragraphs.filter((p) => p.startsWith("round"));
    expect(bySpace.length).toBeGreaterThan(1);
    for (const p of bySpace) expect(p.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(bySpace.join(" ")).toBe(words);
  });
});

describe("publication date", () => {
  test("latest full date in the text when there is no dateline", () => {
    const a = parse(
      "Headline\n\nThe minister, who took office on Jan. 20, 2025, spoke on Monday about the talks.\n" +
        "A caption: the minister in Northport, Tuesday, March 11, 2025.\n",
    );
    expect(a).toMatchObject({ published: "2025-03-11", publishedFrom: "text" });
  });

  test("a month and year alone is not a publication date", () => {
    const a = parse("Headline\n\nThe minister, in office since January 2025, spoke on Monday about the talks.\n");
    expect(a).toMatchObject({ published: null, publishedFrom: "unknown" });
  });

  test("front matter wins over a dateline", () => {
    const a = parse("---\ndate: 2025-03-13\n---\n" + ARTICLE);
    expect(a).toMatchObject({ published: "2025-03-13", publishedFrom: "front-matter" });
  });
});

describe("seed articles", () => {
  test("000: date from the photo caption", () => {
    const a = seed("000_");
    expect(a.published).toBe("2026-01-07");
    expect(a.publishedFrom).toBe("text");
    expect(a.title).toBe("Trump invites Colombian president to White House after threatening his country with military strike");
    expect(a.paragraphs[0]).toMatch(/^WASHINGTON — President Donald Trump abruptly changed/);
    const captions = a.paragraphs.filter((p) => p.startsWith("Supporters of Colombian President Gustavo Petro attend a rally"));
    expect(captions).toHaveLength(2);
    expect(a.paragraphs).not.toContain("");
    expect(a.source).toBeNull();
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("001: dateline 'Washington/Bogotá, January 9, 2026 –', no headline", () => {
    const a = seed("001_");
    expect(a.published).toBe("2026-01-09");
    expect(a.publishedFrom).toBe("dateline");
    expect(a.paragraphs[0]).toMatch(/^Washington\/Bogotá, January 9, 2026 – In a surprising diplomatic pivot/);
    expect(a.paragraphs).toHaveLength(11);
    expect(a.title).toMatch(/^In a surprising diplomatic pivot, U\.S\. President Donald Trump/);
  });

  test("002: no publication date", () => {
    const a = seed("002_");
    expect(a.published).toBeNull();
    expect(a.publishedFrom).toBe("unknown");
    expect(a.title).toBe("Trump Invites Colombian President Petro to White House Following Tensions Over Drugs");
    expect(a.paragraphs[0]).toMatch(/^United States President Donald Trump has extended an invitation/);
  });

  test("003: 'January 2026' is a month, not a date", () => {
    const a = seed("003_");
    expect(a.published).toBeNull();
    expect(a.publishedFrom).toBe("unknown");
    expect(a.title).toBe("Trump Invites Colombia's Petro to White House After Military Threats");
    expect(a.paragraphs[0]).toBe("Trump invites Colombia president after threats");
  });

  test("004: dateline 'Jan 8,2026'", () => {
    const a = seed("004_");
    expect(a.published).toBe("2026-01-08");
    expect(a.publishedFrom).toBe("dateline");
    expect(a.paragraphs[0]).toBe("11");
    expect(a.paragraphs[1]).toMatch(/^Washington, Jan 8,2026: Days after/);
  });

  test("all seeds hash differently and deterministically", () => {
    const hashes = ["000_", "001_", "002_", "003_", "004_"].map((p) => seed(p).contentHash);
    expect(new Set(hashes).size).toBe(5);
    expect(seed("000_").contentHash).toBe(hashes[0]);
  });
});
