import { analyzeBatch } from "../lib/ingest/batch";
import { defaultWeights } from "../lib/score";
import { findByQuote } from "./helpers/analysis";
import { scoreStatements } from "../lib/score";

const article = (path: string, text: string) => ({ path, bytes: Buffer.from(text, "utf8") });
const run = (...inputs: { path: string; bytes: Buffer }[]) => {
  const result = analyzeBatch(inputs);
  return { ...result, scored: scoreStatements(result.statements, defaultWeights()) };
};
/** A wire report published 2024-05-08 (a Wednesday), for the constructions written below. */
const wire = (path: string, body: string) => article(path, `---\ndate: 2024-05-08\nsource: Example Wire\n---\n${body}`);
const one = <T extends { text: string; sources: { quote: string }[] }>(list: T[], quote: string): T => {
  const found = findByQuote(list, quote);
  expect(found).toHaveLength(1);
  return found[0];
};

const border = `---
date: 2025-03-05
source: Example Wire
---
India warns Pakistan after border clash

NEW DELHI — Indian Prime Minister Arjun Mehta on Sunday warned Pakistan that its army would "pay a heavy price" for the shelling of border villages.

"We will not hesitate to strike back," Mehta told reporters in New Delhi. "They should not test our patience."

Pakistan's Foreign Ministry said the accusations were "baseless" and called for restraint.

Asked whether he would meet his Pakistani counterpart, Prime Minister Saima Qureshi, the Indian leader said: "Why not? Dialogue is always better than war."

Qureshi, speaking in Islamabad on Tuesday, thanked Mehta for his "constructive tone" and said she looked forward to "a new chapter of peace."

Rohan Kapoor, an analyst at a New Delhi think tank, called the exchange "remarkable."
`;

describe("attribution in an invented article about other countries", () => {
  const { scored, articles } = run(article("border.txt", border));

  test("front matter gives the publication date", () => {
    expect(articles[0]).toMatchObject({ published: "2025-03-05", publishedFrom: "front-matter", title: "India warns Pakistan after border clash" });
  });

  test("a partial quote after a verb of saying, dated by its weekday", () => {
    const s = one(scored, "pay a heavy price");
    expect(s).toMatchObject({ speaker: "Arjun Mehta", speakerCountry: "India", target: "Pakistan", date: "2025-03-02" });
    expect(s.label).toBe("hostile");
  });

  test("quote then “X told reporters”, and the continuing quote keeps speaker and day", () => {
    expect(one(scored, "strike back")).toMatchObject({ speaker: "Arjun Mehta", label: "hostile" });
    expect(one(scored, "test our patience")).toMatchObject({ speaker: "Arjun Mehta" });
  });

  test("an institution speaks when no person is named", () => {
    expect(one(scored, "baseless")).toMatchObject({ speaker: "Pakistan's Foreign Ministry", speakerCountry: "Pakistan", target: "India" });
  });

  test("“the Indian leader” resolves to the person, and the question frames the answer", () => {
    const s = one(scored, "Dialogue is always better than war");
    expect(s.speaker).toBe("Arjun Mehta");
    expect(s.label).toBe("conciliatory");
  });

  test("the other side's reply is hers, on her day", () => {
    const s = one(scored, "constructive tone");
    expect(s).toMatchObject({ speaker: "Saima Qureshi", speakerCountry: "Pakistan", date: "2025-03-04", label: "conciliatory" });
  });

  test("analysts are not officials: their words are not statements", () => {
    expect(findByQuote(scored, "remarkable")).toEqual([]);
  });
});

describe("two outlets, one utterance", () => {
  const first = `Philippines and China trade barbs

MANILA, June 3, 2025 — Philippine President Ramon Dizon said on Monday that China's coast guard had acted like "pirates" in the disputed shoal.

“We will defend every inch of our waters,” Dizon said.`;
  const second = `Beijing rejects Manila's charges

China's foreign ministry spokesperson Liu Wen on Tuesday rejected what she called "slanderous accusations".

Earlier this week the Philippine leader said his country would "defend every inch of our waters" and compared the Chinese coast guard to pirates.`;
  const { scored, articles } = run(article("a.txt", first), article("b.txt", second));

  test("the undated article takes its date from the batch", () => {
    expect(articles.find((a) => a.path === "b.txt")).toMatchObject({ publishedFrom: "batch" });
  });

  test("a full and a partial quote of the same words are one statement with two sources", () => {
    const s = one(scored, "defend every inch");
    expect(s.sources.map((source) => source.path).sort()).toEqual(["a.txt", "b.txt"]);
    expect(s.speaker).toBe("Ramon Dizon");
  });

  test("the dated report fixes the day", () => {
    expect(one(scored, "pirates")).toMatchObject({ speaker: "Ramon Dizon", date: "2025-06-02", target: "China", label: "hostile" });
  });

  test("a spokesperson named with her title speaks for her country", () => {
    expect(one(scored, "slanderous accusations")).toMatchObject({ speaker: "Liu Wen", speakerCountry: "China", target: "Philippines" });
  });
});

describe("bad input in a batch", () => {
  test("is rejected by name while the rest goes through", () => {
    const { rejected, statements } = run(
      article("empty.txt", "   \n"),
      { path: "binary.bin", bytes: Buffer.from([0, 1, 2, 3, 0, 255]) },
      article("page.html", "<!doctype html><html><body><p>Hi</p></body></html>"),
      article("ok.txt", border),
    );
    expect(rejected.map((r) => r.path)).toEqual(["empty.txt", "binary.bin", "page.html"]);
    for (const r of rejected) expect(r.reason).toContain(r.path);
    expect(statements.length).toBeGreaterThan(3);
  });

  test("an article without any date keeps null dates unless --date is given", () => {
    const text = `Minister speaks\n\nFrench Foreign Minister Claire Dubois said on Friday that Algeria's decision was "regrettable."`;
    expect(one(run(article("x.txt", text)).scored, "regrettable").date).toBeNull();
    const dated = analyzeBatch([article("x.txt", text)], { date: "2025-09-10" });
    expect(dated.articles[0]).toMatchObject({ published: "2025-09-10", publishedFrom: "cli" });
    expect(one(dated.statements, "regrettable").date).toBe("2025-09-05");
  });
});

describe("occasion dating: the day of the article's occasion dates statements that give none", () => {
  const summit = `Leaders meet at border summit

OSLO — Norwegian Prime Minister Ola Berg and Swedish Prime Minister Karin Lund met on Monday at the border town of Halden, their first meeting since the fishing dispute.

"We have turned a page," Berg told reporters after the talks.

Lund said the two governments would "work together on every open question."

Berg had said in March that Sweden was "acting in bad faith."

In a tweet, Lund called the agreement "a good day for the North."

Days after Berg accused Stockholm of "sabotage," the two agreed to talk.
`;
  const { scored } = run(wire("summit.txt", summit));

  test("a quote paragraphs after a lede that names the day takes that day", () => {
    expect(one(scored, "We have turned a page").date).toBe("2024-05-06");
    expect(one(scored, "work together on every open question").date).toBe("2024-05-06");
  });

  test("an attribution that marks another occasion keeps no day of the occasion", () => {
    expect(one(scored, "acting in bad faith").date).not.toBe("2024-05-06");
    expect(one(scored, "a good day for the North").date).toBeNull();
    expect(one(scored, "sabotage").date).toBeNull();
  });
});

describe("names as real reports print them", () => {
  const text = `Ministers trade words

ANKARA — Turkish Foreign Minister Ahmet Davutoğlu said on Monday that Ankara would "never accept" the proposal.

Saudi Foreign Minister Adel al-Jubeir said the kingdom had been "patient for too long."

Jubeir added that Riyadh was "considering further measures."

Polish President Andrzej Łukasiewicz called the decision "a mistake."
`;
  const { scored } = run(wire("names.txt", text));

  test("letters beyond ASCII stay in the name", () => {
    expect(one(scored, "never accept").speaker).toBe("Ahmet Davutoğlu");
    expect(one(scored, "a mistake").speaker).toBe("Andrzej Łukasiewicz");
  });

  test("a name with an Arabic article stays whole, and its surname alone refers back to it", () => {
    expect(one(scored, "patient for too long").speaker).toBe("Adel al-Jubeir");
    expect(one(scored, "considering further measures").speaker).toBe("Adel al-Jubeir");
  });
});

describe("attribution as real reports write it", () => {
  const text = `Ministers trade words

ANKARA — Turkish Minister of Foreign Affairs Mevlut Cavusoglu said on Monday that the Dutch move was "a disgrace."

“What are we, a colony? Would any country accept this?” Cavusoglu said.
`;
  const { scored } = run(wire("attribution.txt", text));

  test("a title joined by “of” does not become part of the name", () => {
    expect(one(scored, "a disgrace").speaker).toBe("Mevlut Cavusoglu");
  });

  test("a quote ending in “?” keeps looking for its attribution after the closing mark", () => {
    expect(one(scored, "What are we, a colony?").speaker).toBe("Mevlut Cavusoglu");
  });
});

describe("speaker nouns from WordNet", () => {
  const text = `Neighbours trade words

DAMASCUS — Syria and Turkey traded words on Monday.

The Syrian strongman said his army would "crush any invasion" by Turkey.
`;
  const { scored } = run(wire("nouns.txt", text));

  test("a noun of the generated list names an office-holder who speaks for the state", () => {
    expect(one(scored, "crush any invasion")).toMatchObject({ speaker: "Syrian strongman", speakerCountry: "Syria", target: "Turkey" });
  });
});

describe("one outlet quoting another", () => {
  const text = `Premier stakes claim

BEIJING — Chinese Premier Wen Jiabao said on Monday the islands belong to China.

“On issues of sovereignty, the government will never yield an inch,” the official Xinhua news agency quoted Wen as saying.
`;
  const { scored } = run(wire("quoting.txt", text));

  test("“the agency quoted X as saying”: X speaks, not the agency", () => {
    expect(one(scored, "never yield an inch")).toMatchObject({ speaker: "Wen Jiabao", speakerCountry: "China" });
  });
});

describe("a bare office refers back to its portfolio", () => {
  const text = `Minister holds the line

OTTAWA — Foreign Affairs Minister Chrystia Freeland said Monday that Canada was concerned about the arrests.

The minister, however, warned that Canada would not back down on human rights.
`;
  const { scored } = run(wire("portfolio.txt", text));

  test("“the minister, however, warned” is the foreign minister named before", () => {
    expect(one(scored, "would not back down on human rights").speaker).toBe("Chrystia Freeland");
  });
});

describe("direct or reported", () => {
  const quoting = `Valley talks stall

VELSK — Arvenian Foreign Minister Teodor Varga said on Monday that Arvenia would never give up the northern valleys, whatever Dorvania offered in return.

“We will never give up the northern valleys,” Varga told reporters.

He also called Dorvania's latest proposal "an empty gesture".
`;
  const reporting = `Arvenia rejects offer

VELSK — Arvenian Foreign Minister Teodor Varga said on Monday that his government would never give up the northern valleys whatever the cost to its people.
`;
  const { scored } = run(wire("quoting.txt", quoting), wire("reporting.txt", reporting));
  const sourceOf = (quote: string) => scored.flatMap((s) => s.sources).find((source) => source.quote.includes(quote))!;

  test("a source in quotation marks is direct, a partial quote too; reported speech is not", () => {
    expect(sourceOf("We will never give up")).toMatchObject({ path: "quoting.txt", direct: true });
    expect(sourceOf("an empty gesture")).toMatchObject({ direct: true });
    expect(sourceOf("his government would never give up")).toMatchObject({ path: "reporting.txt", direct: false });
  });

  test("the statement shows the quoted words, though a report paraphrases it at more length", () => {
    const s = one(scored, "We will never give up the northern valleys");
    expect(s.sources.map((source) => [source.path, source.direct])).toEqual(
      expect.arrayContaining([
        ["quoting.txt", true],
        ["reporting.txt", false],
      ]),
    );
    expect(s.text).toBe("We will never give up the northern valleys");
  });
});
