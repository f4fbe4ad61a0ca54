import { findQuotes } from "../lib/ingest/extract/quotes";
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

"The border is open again," Berg said on Twitter.

Days after Berg accused Stockholm of "sabotage," the two agreed to talk.
`;
  const { scored } = run(wire("summit.txt", summit));

  test("a quote paragraphs after a lede that names the day takes that day", () => {
    expect(one(scored, "We have turned a page").date).toBe("2024-05-06");
    expect(one(scored, "work together on every open question").date).toBe("2024-05-06");
  });

  test("naming the channel (“said on Twitter”) marks no other occasion; “in a tweet” does", () => {
    expect(one(scored, "The border is open again").date).toBe("2024-05-06");
  });

  test("an attribution that marks another occasion keeps no day of the occasion", () => {
    expect(one(scored, "acting in bad faith").date).not.toBe("2024-05-06");
    expect(one(scored, "a good day for the North").date).toBeNull();
    expect(one(scored, "sabotage").date).toBeNull();
  });
});

test("a lede without its day takes the day the paragraph after it gives", () => {
  const text = `Leaders agree to talk

Norwegian Prime Minister Ola Berg has invited Swedish Prime Minister Karin Lund to Oslo, weeks after the fishing dispute.

The invitation came on Tuesday after a call between the two leaders.

"We have turned a page," Berg told reporters.
`;
  expect(one(run(wire("invitation.txt", text)).scored, "We have turned a page").date).toBe("2024-05-07");
});

test("a title joined by “of” to a portfolio the title list does not know leaves the last two words to the name", () => {
  const text = `Ministers talk grain

Norway's Minister of Coastal Fisheries Policy Ola Berg held talks with his Swedish counterpart.

"I heard my colleague's arguments," the Minister said.
`;
  const { scored } = run(wire("portfolio.txt", text));
  expect(one(scored, "I heard my colleague's arguments")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
});

test("a speaker who spoke about it on a named day dates the quote that follows", () => {
  const text = `Ministers talk grain

Norwegian Fisheries Minister Ola Berg held talks with his Swedish counterpart.

The two discussed quotas. Berg spoke about this in a television interview on May 3.

"I heard my colleague's arguments," the Minister said.
`;
  expect(one(run(wire("spoke.txt", text)).scored, "I heard my colleague's arguments").date).toBe("2024-05-03");
});

test("a surname that is also a month names the person when a longer name ends with it", () => {
  const text = `Leader blames neighbour

LONDON — British Prime Minister Helen March said on Monday that Norway was "highly likely" to blame.

Norwegian Foreign Minister Ola Berg called the claim "absurd."

"This was a direct act against our country," March said.

Talks resumed in March 2023, and "nothing came of them," Foreign Secretary Tom Hale said.
`;
  const { scored } = run(wire("month-name.txt", text));
  expect(one(scored, "This was a direct act against our country")).toMatchObject({ speaker: "Helen March", date: "2024-05-06" });
  expect(one(scored, "nothing came of them").speaker).toBe("Tom Hale");
});

test("a date phrase after a verb of saying and another verb dates what that verb tells, not the saying", () => {
  const text = `Leader blames neighbour

Norwegian Prime Minister Ola Berg addressed parliament.

Berg said Sweden had failed to stop the attack on the border post on April 2.

She added: "We will respond."
`;
  const { scored } = run(wire("complement-date.txt", text));
  expect(one(scored, "We will respond").date).not.toBe("2024-04-02");
  expect(one(scored, "Sweden had failed to stop").date).not.toBe("2024-04-02");
});

test("a list after a verb of saying and a colon gives the speaker a statement per line", () => {
  const text = `Oslo retaliates

OSLO — Norway's foreign ministry on Monday called Sweden's move "an insult," saying it would now:

  • Recall its ambassador from Stockholm
  - Suspend all new fishing licences for Swedish boats

Swedish Prime Minister Karin Lund said she regretted the decision.
`;
  const { scored } = run(wire("list.txt", text));
  for (const line of ["Recall its ambassador from Stockholm", "Suspend all new fishing licences for Swedish boats"]) {
    expect(one(scored, line)).toMatchObject({ text: line, speakerCountry: "Norway", target: "Sweden", date: "2024-05-06" });
  }
});

describe("reported speech without a verb of saying before it", () => {
  const text = `Neighbours trade words

Norwegian Prime Minister Ola Berg met parliament leaders on Monday.

Sweden's tone is becoming more and more hostile, according to the prime minister.

According to Swedish Foreign Minister Karin Lund, the next round of talks has already been scheduled.

Norway is deeply concerned about the new quotas, Berg said on Monday as the dispute spread to other fisheries.
`;
  const { scored } = run(wire("according.txt", text));

  test("“<clause>, according to X” and “According to X, <clause>” give X the clause", () => {
    expect(one(scored, "Sweden's tone is becoming more and more hostile")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-06" });
    expect(one(scored, "the next round of talks has already been scheduled").speaker).toBe("Karin Lund");
  });

  test("a clause that sets the scene after “X said” leaves the report before it to X", () => {
    expect(one(scored, "Norway is deeply concerned about the new quotas")).toMatchObject({ text: "Norway is deeply concerned about the new quotas", speaker: "Ola Berg" });
  });
});

test("expressing, underlining and clarifying are saying", () => {
  const text = `Ministers differ

Swedish Prime Minister Karin Lund expressed deep regret over Norway's new fishing quotas.

Norwegian Foreign Minister Ola Berg underlined that Norway remains committed to dialogue with Sweden.
`;
  const { scored } = run(wire("express.txt", text));
  expect(one(scored, "deep regret over Norway's new fishing quotas").speaker).toBe("Karin Lund");
  expect(one(scored, "Norway remains committed to dialogue with Sweden").speaker).toBe("Ola Berg");
});

describe("a quotation over several paragraphs is attributed where its attribution stands", () => {
  test("marks not reopened: the quote runs through paragraphs without marks to the one that closes it", () => {
    const text = `Oslo hails the deal

On Monday, Norwegian Prime Minister Ola Berg wrote a post about the deal with Sweden on his official Twitter page.

“We are proud of our fishermen. This deal is Sweden's retreat.

The quotas we fought for are ours again.

The future of our coast will be very bright”, - reads Ola Berg's Twitter post.
`;
    const { scored } = run(wire("run-on.txt", text));
    for (const quote of ["We are proud of our fishermen", "This deal is Sweden's retreat", "The quotas we fought for are ours again", "The future of our coast will be very bright"]) {
      expect(one(scored, quote)).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway", date: "2024-05-06" });
    }
    expect(scored.map((s) => s.speaker)).not.toContain("Twitter");
  });

  test("marks reopened in each paragraph, the attribution after the last", () => {
    const text = `Oslo hails the deal

Norway and Sweden signed the deal on Monday.

“We are proud of our fishermen. This deal is Sweden's retreat.

“The quotas we fought for are ours again,” Norwegian Prime Minister Ola Berg said.
`;
    const { scored } = run(wire("reopened.txt", text));
    expect(one(scored, "This deal is Sweden's retreat")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
  });

  test("a paragraph with no marks after a closed quote is the reporter's", () => {
    const text = `Oslo hails the deal

“We are proud of our fishermen,” Norwegian Prime Minister Ola Berg said on Monday.

Sweden's retreat came after weeks of talks.

Berg added that the “quotas are ours again”.
`;
    const { scored } = run(wire("closed.txt", text));
    expect(findByQuote(scored, "Sweden's retreat came after")).toHaveLength(0);
  });
});

test("a full name said again without its title is the same person", () => {
  const text = `Oslo hails the deal

Norwegian Prime Minister Ola Berg met fishermen in Bergen on Monday.

“The quotas are ours again,” reads Ola Berg's statement.
`;
  expect(one(run(wire("again.txt", text)).scored, "The quotas are ours again")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
});

test("summing up and concluding are saying", () => {
  const text = `Ministers differ

Swedish Prime Minister Karin Lund spoke in Malmo.

"Some traders want to sell fish as cheaply as possible. We have to defend our fishermen from this," Lund summed up.

"Norway has left us no choice," she concluded.
`;
  const { scored } = run(wire("sum-up.txt", text));
  expect(one(scored, "Some traders want to sell fish").speaker).toBe("Karin Lund");
  expect(one(scored, "We have to defend our fishermen").speaker).toBe("Karin Lund");
  expect(one(scored, "Norway has left us no choice").speaker).toBe("Karin Lund");
});

test("blaming, reminding and voicing are saying", () => {
  const text = `Ministers differ

Lars Dahl, spokesperson for the Norwegian Foreign Ministry, blamed the move on security threats faced by Norway's envoy in Stockholm.

Swedish Prime Minister Karin Lund reminded Norwegian authorities that they have no better ally in the north than Sweden.

Norwegian Foreign Minister Ola Berg voiced strong opposition to the new Swedish fishing quotas.
`;
  const { scored } = run(wire("blame.txt", text));
  expect(one(scored, "security threats faced by Norway's envoy").speaker).toBe("Lars Dahl");
  expect(one(scored, "no better ally in the north than Sweden").speaker).toBe("Karin Lund");
  expect(one(scored, "strong opposition to the new Swedish fishing quotas").speaker).toBe("Ola Berg");
});

test("a clause reported before “and that” and a quotation is a statement of its own", () => {
  const text = `Ministers differ

Swedish Prime Minister Karin Lund spoke to parliament.

She said that she will hold Norway responsible for the losses and that there is "more room for sanctions".
`;
  const { scored } = run(wire("and-that.txt", text));
  expect(one(scored, "she will hold Norway responsible for the losses")).toMatchObject({ text: "she will hold Norway responsible for the losses", speaker: "Karin Lund" });
  expect(one(scored, "more room for sanctions").speaker).toBe("Karin Lund");
});

test("a reported clause whose subject runs to several words before its verb", () => {
  const text = `Oslo expels diplomat

A statement from Norway's foreign ministry said an unnamed senior Swedish diplomat has been asked to leave Norway within five days.
`;
  expect(one(run(wire("long-subject.txt", text)).scored, "an unnamed senior Swedish diplomat has been asked to leave").speakerCountry).toBe("Norway");
});

test("a day after the report's own is never when the words were said; a day in the coming weeks is not last year's", () => {
  const text = `Ministers differ

"It's a crazy remark, of course," Swedish Prime Minister Karin Lund told journalists while campaigning for a May 20 election.
`;
  expect(one(run(wire("upcoming.txt", text)).scored, "It's a crazy remark, of course").date).toBeNull();
});

test("an inverted attribution may go on with a phrase of place or time, and a typographic quote may close with a straight mark", () => {
  const text = `Leaders trade insults

Swedish Prime Minister Karin Lund said on Saturday that a remark by Norwegian Prime Minister Ola Berg was "way out of line."

“They are so timid, they are so cowardly," said Berg in a speech in Bergen on Saturday.
`;
  const statement = one(run(wire("inverted.txt", text)).scored, "They are so timid");
  expect(statement).toMatchObject({ text: "They are so timid, they are so cowardly", speaker: "Ola Berg" });
});

test("“it” before a verb of saying is the institution that spoke before, never a person", () => {
  const text = `Oslo protests

Norway's foreign ministry lodged a protest with Sweden on Monday.

It warned that Sweden's move could have "serious consequences" for the fisheries.

Swedish Prime Minister Karin Lund spoke on Tuesday.

It said that the talks with Norway would resume in June.
`;
  const { scored } = run(wire("it-said.txt", text));
  expect(one(scored, "serious consequences")).toMatchObject({ speaker: "Norway's foreign ministry", speakerCountry: "Norway" });
  expect(scored.filter((s) => s.text.includes("the talks with Norway would resume")).map((s) => s.speaker)).not.toContain("Karin Lund");
});

test("a shorter name in one report and the fuller one in another are one speaker, whose reports merge", () => {
  const first = `Leaders differ

Norwegian Prime Minister Ola Magnus Berg said on Monday that Sweden's offer was "a shameful insult to our fishermen."
`;
  const second = `Oslo angry

Norway's Prime Minister Magnus Berg called the offer "a shameful insult to our fishermen" on Monday.
`;
  const { scored } = run(wire("full.txt", first), wire("short.txt", second));
  const statement = one(scored, "a shameful insult to our fishermen");
  expect(statement.speaker).toBe("Ola Magnus Berg");
  expect(statement.sources).toHaveLength(2);
});

test("the target is the country the words address, not one named as their topic", () => {
  const text = `Oslo reaches out

Norwegian Prime Minister Ola Berg said on Monday: "On Russia, we are ready to work with Sweden."

Berg added that Norway "is ready to work with Finland on the Arctic and on Russia."
`;
  const { scored } = run(wire("topic.txt", text));
  expect(one(scored, "On Russia, we are ready to work with Sweden").target).toBe("Sweden");
  expect(one(scored, "is ready to work with Finland").target).toBe("Finland");
});

test("a title after an office's name takes the country before the office", () => {
  const text = `Oslo warns

Norwegian Coastal Affairs Ministry spokesman Lars Dahl said Sweden's move was "a gross violation" of the treaty.
`;
  expect(one(run(wire("office-title.txt", text)).scored, "a gross violation")).toMatchObject({ speaker: "Lars Dahl", speakerCountry: "Norway" });
});

test("an ambassador's posting is not the ambassador's country", () => {
  const text = `Envoy speaks

Norway's ambassador to Sweden Lars Dahl said that Norway would "always defend its fishermen".

Eva Holm, Sweden's ambassador to Norway, said Sweden "will not give in".
`;
  const { scored } = run(wire("posting.txt", text));
  expect(one(scored, "always defend its fishermen")).toMatchObject({ speaker: "Lars Dahl", speakerCountry: "Norway", target: "Sweden" });
  expect(one(scored, "will not give in")).toMatchObject({ speaker: "Eva Holm", speakerCountry: "Sweden" });
});

test("a title joined to a state's office gives its holder that office's country, and the title refers to them later", () => {
  const text = `Oslo asks Stockholm to talk

The report cites the spokesman of the Ministry of Foreign Affairs of Norway, Lars Dahl, on Facebook.

"We call on our Swedish friends to return to the table. We expect our proposals to be the basis of the talks," the spokesman said.
`;
  const { scored } = run(wire("office-of.txt", text));
  expect(one(scored, "return to the table")).toMatchObject({ speaker: "Lars Dahl", speakerCountry: "Norway", target: "Sweden" });
});

test("a caption above the prose that puts an event on a day gives the occasion; the caption itself reports nothing", () => {
  const text = `Oslo rules out mediation

Norwegian Foreign Minister Ola Berg gives a press conference in Oslo on May 6, 2024. (Photo by Nordic Wire)

Norway says there is no room for mediation in its dispute with Sweden.

Berg told a news conference that Stockholm knew what it had to do to "fix its big mistake."
`;
  const { scored } = run(wire("caption.txt", text));
  expect(one(scored, "fix its big mistake")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-06" });
  expect(findByQuote(scored, "gives a press conference")).toHaveLength(0);
});

test("a weekday one day after a report's publication is that next day, as in a paper behind the news's time zone", () => {
  const text = `---
date: 2024-05-09
source: Example Daily
---
Tokyo warns Seoul

Japanese Prime Minister Taro Sato on Friday warned South Korea that Japan "will not accept" the new export rules.
`;
  // 2024-05-09 is a Thursday: "on Friday" is 2024-05-10 in Tokyo, not 2024-05-03.
  expect(one(run(article("next-day.txt", text)).scored, "will not accept")).toMatchObject({ speaker: "Taro Sato", date: "2024-05-10" });
});

test("a date phrase in another verb's clause before a verb of saying does not date the saying", () => {
  const text = `Oslo wants an apology

Norwegian Foreign Minister Ola Berg demanded an apology from Sweden on Wednesday, denouncing a post by Swedish Prime Minister Karin Lund directed at Norway last month, and accusing Stockholm of treating Norway like "a colony."

"You owe us an apology," Berg said at an event in New York.
`;
  const { scored } = run(wire("clause-date.txt", text));
  expect(one(scored, "a colony").date).toBe("2024-05-08");
  expect(one(scored, "You owe us an apology").date).toBe("2024-05-08");
});

test("the day the opening ties to a verb of saying is the occasion, not a background day named before it", () => {
  const text = `Stockholm claims the islands

A day after the clash at sea on Monday night, Swedish Foreign Ministry spokesperson Karin Lund on Wednesday said the islands have always belonged to Sweden.

"The sovereignty of the islands has always belonged to Sweden. The Norwegian patrols seriously violated our border protocols."

"We ask Norway to discipline its coast guard," said the spokesperson.
`;
  const { scored } = run(wire("opening-said.txt", text));
  expect(one(scored, "The Norwegian patrols seriously violated").date).toBe("2024-05-08");
  expect(one(scored, "We ask Norway to discipline its coast guard").date).toBe("2024-05-08");
});

test("a day in a clause that opens the sentence dates the verb of saying after it", () => {
  const text = `Oslo hails talks

Nordic Wire, May 8, 2024 —

Norwegian Prime Minister Ola Berg said the talks with Sweden were "a victory for dialogue."

After arriving at the airport in Oslo on Monday, May 6, Berg said the talks guarantee "peace for our fishermen."
`;
  const { scored } = run(wire("fronted.txt", text));
  expect(one(scored, "peace for our fishermen").date).toBe("2024-05-06");
  expect(one(scored, "a victory for dialogue").date).toBe("2024-05-06");
});

test("a paragraph of quotation with no attribution is the words of whoever the paragraph before ends by quoting", () => {
  const text = `Stockholm claims the islands

Swedish Foreign Ministry spokesperson Karin Lund on Monday said, the islands have always belonged to Sweden.

"The sovereignty of the islands has always belonged to Sweden. The Norwegian patrols seriously violated our border protocols."

Norway's coast guard has not commented.

"We will never give them up."
`;
  const { scored } = run(wire("lead-quote.txt", text));
  expect(one(scored, "The Norwegian patrols seriously violated")).toMatchObject({ speaker: "Karin Lund", date: "2024-05-06" });
  expect(findByQuote(scored, "We will never give them up")).toHaveLength(0);
});

test("a report before “X said, adding that …”, and one fronted by “Noting that …”, are statements of their own", () => {
  const text = `Oslo and Stockholm trade blame

Norwegian Foreign Minister Ola Berg spoke with his Swedish counterpart on Monday.

Norway demands that Sweden investigate the incident and stop all provocative patrols, Berg said, adding that Sweden must not misjudge the situation.

Noting that Sweden has tried to keep differences with Norway from becoming disputes, Swedish Prime Minister Karin Lund said the sacrifice of the fishermen will not be in vain.
`;
  const { scored } = run(wire("participles.txt", text));
  expect(one(scored, "Norway demands that Sweden investigate the incident").speaker).toBe("Ola Berg");
  expect(one(scored, "Sweden must not misjudge the situation").speaker).toBe("Ola Berg");
  expect(one(scored, "Sweden has tried to keep differences with Norway").speaker).toBe("Karin Lund");
  expect(one(scored, "the sacrifice of the fishermen will not be in vain").speaker).toBe("Karin Lund");
});

test("an attribution set between commas inside a reported clause leaves the clause as the statement", () => {
  const text = `Oslo and Stockholm trade blame

Norwegian Foreign Minister Ola Berg spoke with his Swedish counterpart on Monday.

The new tariff, Berg said, was a grave mistake by Sweden.

Such decisions, said the Norwegian minister, will not harm the fishermen of either country.
`;
  const { scored } = run(wire("aside.txt", text));
  expect(one(scored, "The new tariff was a grave mistake by Sweden")).toMatchObject({ speaker: "Ola Berg", target: "Sweden" });
  expect(one(scored, "Such decisions will not harm the fishermen").speaker).toBe("Ola Berg");
});

test("“…,” said the statement: the statement's author speaks, named by “a statement from”, never someone spoken to", () => {
  const text = `Oslo expels Swedish diplomat

Norway expelled a Swedish envoy on Monday.

A statement from Norway's foreign ministry says a senior Swedish diplomat has been asked to leave within five days.

"The decision reflects our growing concern at the interference of Swedish diplomats in our internal matters," said the statement.
`;
  const { scored } = run(wire("document.txt", text));
  expect(one(scored, "a senior Swedish diplomat has been asked to leave").speaker).toBe("Norway's foreign ministry");
  expect(one(scored, "The decision reflects our growing concern")).toMatchObject({ speaker: "Norway's foreign ministry", target: "Sweden" });
});

test("reported clauses after a scene-setting phrase, or opening with a participle, are found; “Al-Lund” is Karin al-Lund", () => {
  const text = `Oslo and Stockholm trade blame

Swedish Foreign Minister Karin al-Lund met her Norwegian counterpart on Monday.

Al-Lund said in a press conference held in Stockholm that several countries supported Sweden's position on Norway.

She added, in remarks broadcast on state television, that any delay in the talks with Norway was only due to logistics.

The minister said displaced fishermen would be allowed to return to the Norwegian coast.

She responded to the announcement by Norway that it would send a delegation to Stockholm.
`;
  const { scored } = run(wire("circumstance.txt", text));
  expect(one(scored, "several countries supported Sweden's position").speaker).toBe("Karin al-Lund");
  expect(one(scored, "any delay in the talks with Norway was only due to logistics").speaker).toBe("Karin al-Lund");
  expect(one(scored, "displaced fishermen would be allowed to return").speaker).toBe("Karin al-Lund");
  expect(findByQuote(scored, "it would send a delegation")).toHaveLength(0);
});

test("“A and the B said”: the first of joint speakers speaks; “X and Foreign Minister Y” is one person's titles", () => {
  const text = `Oslo and Stockholm agree truce

The Norwegian Defence Ministry and the General Staff said in a joint statement on Tuesday that the country's armed forces would abide by the truce with Sweden.

Swedish State Secretary and Foreign Minister Karin Lund said on Tuesday that Sweden would respect the truce with Norway.
`;
  const { scored } = run(wire("joint.txt", text));
  expect(one(scored, "armed forces would abide by the truce").speaker).toBe("Norwegian Defence Ministry");
  expect(one(scored, "Sweden would respect the truce").speaker).toBe("Karin Lund");
});

test("verbs of saying of several words (“pointed out that”, “made it clear that”) and “disclosed that” report speech", () => {
  const text = `Oslo and Stockholm talk again

Swedish Foreign Minister Karin Lund met her Norwegian counterpart on Monday.

Lund pointed out that the agreement with Norway would have favourable effects on the whole region.

She made it clear that the border dispute with Norway will not be discussed at this meeting.

She also disclosed that Norway had asked for a second round of talks in Oslo.
`;
  const { scored } = run(wire("phrasal.txt", text));
  expect(one(scored, "the agreement with Norway would have favourable effects").speaker).toBe("Karin Lund");
  expect(one(scored, "the border dispute with Norway will not be discussed").speaker).toBe("Karin Lund");
  expect(one(scored, "Norway had asked for a second round of talks").speaker).toBe("Karin Lund");
});

test("an opening without a day takes the day of an event “earlier on Tuesday” as its occasion", () => {
  const text = `Lund accuses Norway of provocation

In a new verbal attack, Swedish Prime Minister Karin Lund holds Norway responsible for the collapse of the fishing talks. "We know what Norway wants", she said in a televised speech.

Earlier on Tuesday Sweden announced sanctions against Norway.
`;
  const { scored } = run(wire("earlier.txt", text));
  expect(one(scored, "We know what Norway wants")).toMatchObject({ speaker: "Karin Lund", date: "2024-05-07" });
});

test("across a batch a person keeps one spelling (most articles', accents on a tie) and a country another article gives, by a long surname", () => {
  const first = `Stockholm recalls envoy

Swedish Foreign Minister Åsa Bergström said on Monday that Norway had broken the fishing treaty.
`;
  const second = `Sweden and Norway at odds

Swedish Foreign Minister Åsa Bergström said on Monday that Sweden would recall its ambassador from Oslo.
`;
  const third = `Fishing row deepens

Swedish Foreign Minister Asa Bergstrom said on Monday that Norway must return to the negotiating table.

Foreign Minister Karin Lindqvist said on Monday that the talks with Norway would resume in May.
`;
  const fourth = `Talks to resume

Swedish Foreign Minister Carin Lindqvist said on Monday that Sweden wanted calm waters with its neighbour.
`;
  const { scored } = run(wire("first.txt", first), wire("second.txt", second), wire("third.txt", third), wire("fourth.txt", fourth));
  expect(one(scored, "Norway must return to the negotiating table").speaker).toBe("Åsa Bergström");
  expect(one(scored, "Norway had broken the fishing treaty").speaker).toBe("Åsa Bergström");
  expect(one(scored, "the talks with Norway would resume in May")).toMatchObject({ speakerCountry: "Sweden", target: "Norway" });
});

test("“Swedish State Councilor and Foreign Minister X”, “Sweden's own Foreign Minister X”: the country before the first title is X's", () => {
  const text = `Oslo and Stockholm trade blame

Swedish State Councilor and Foreign Minister Karin Lund said on Monday that Norway had broken the fishing treaty.

Before that, Norway's own Foreign Minister Ola Berg said on Sunday that Sweden had ignored every warning.
`;
  const { scored } = run(wire("joined.txt", text));
  expect(one(scored, "Norway had broken the fishing treaty")).toMatchObject({ speaker: "Karin Lund", speakerCountry: "Sweden" });
  expect(one(scored, "Sweden had ignored every warning")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
});

test("a capital speaking is its government; “said that, from Monday, …” and “warned in Oslo that …” report the clause", () => {
  const text = `Oslo and Stockholm trade blame

Talks stalled in December after Stockholm accused Oslo of using state television to support the protests.

Norway had earlier said that, starting from Monday, it would restrict cross-border trade with Sweden.

Norway's ambassador to Sweden, Ola Berg, warned in Oslo that Sweden would pay for its choice of partners.
`;
  const { scored } = run(wire("capital.txt", text));
  expect(one(scored, "accused Oslo of using state television")).toMatchObject({ speaker: "Swedish government", target: "Norway" });
  expect(one(scored, "starting from Monday, it would restrict cross-border trade with Sweden").speaker).toBe("Norwegian government");
  expect(one(scored, "Sweden would pay for its choice of partners").text).toBe("Sweden would pay for its choice of partners");
});

test("“…, said the prime minister.”, “the Norwegian side said”, “…, the spokesman told Swedish media at a briefing in Rome”", () => {
  const text = `Oslo and Stockholm trade blame

Swedish Prime Minister Karin Lund met her Norwegian counterpart on Monday.

Sweden has shown that the new dam does not harm Norway in any way, said the prime minister.

After the meeting, the Norwegian side said there were still significant differences with Sweden.

It is for Norway to withdraw its threats against Swedish trawlers, the Swedish government spokesman told Swedish media at a briefing in Rome.
`;
  const { scored } = run(wire("inverted.txt", text));
  expect(one(scored, "Sweden has shown that the new dam does not harm Norway").speaker).toBe("Karin Lund");
  expect(one(scored, "there were still significant differences with Sweden")).toMatchObject({ speakerCountry: "Norway", target: "Sweden" });
  expect(one(scored, "It is for Norway to withdraw its threats against Swedish trawlers").speakerCountry).toBe("Sweden");
});

test("“Norway's minister of state for fisheries, Ola Berg,” names a minister; “Norway's minister” never places a prime minister", () => {
  const text = `Oslo and Stockholm trade blame

Prime Minister Karin Lund said on Monday that Sweden would send back those who had crossed the border irregularly.

On Wednesday Norway's minister of state for fisheries, Ola Berg, suggested Oslo had a right to relax border controls.

"What did Sweden expect from Norway?" he said in a post.
`;
  const { scored } = run(wire("portfolio.txt", text));
  expect(one(scored, "Oslo had a right to relax border controls")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
  expect(one(scored, "What did Sweden expect from Norway?").speaker).toBe("Ola Berg");
  expect(one(scored, "Sweden would send back those who had crossed").speakerCountry).not.toBe("Norway");
});

test("each side's words take the day the opening gives that side; a passive verb of saying names no speaker", () => {
  const text = `Norway deeply concerned by envoy's expulsion

Norway is deeply concerned that Sweden has expelled Norway's ambassador, Foreign Minister Ola Berg said Monday.

Sweden expelled Norway's ambassador in Stockholm Sunday over what officials called interference in its affairs.

The Norwegian ambassador was declared persona non grata and was given 24 hours to leave the country, the Swedish Foreign Ministry said in a harshly-worded statement.
`;
  const { scored } = run(wire("sides.txt", text));
  expect(one(scored, "The Norwegian ambassador was declared persona non grata")).toMatchObject({ speaker: "Swedish Foreign Ministry", date: "2024-05-05" });
  expect(one(scored, "Norway is deeply concerned that Sweden has expelled")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-06" });
});

test("a quote opening its sentence right after one in which someone speaks without quoting is theirs, unless someone unknown says it", () => {
  const text = `Oslo and Stockholm trade blame

The row escalated after Swedish President Karin Lund spoke at the UN against the import ban. “It is alarming to see how some in Europe play out solidarity with Norway in a political theatre.”

Norwegian Foreign Minister Ola Berg met reporters in Oslo. Sweden, he said, had broken the treaty. “We will answer,” a protester shouted.
`;
  const { scored } = run(wire("after-speaking.txt", text));
  expect(one(scored, "It is alarming to see how some in Europe play out solidarity")).toMatchObject({ speaker: "Karin Lund", target: "Norway" });
  // Said by someone the article does not know, not by the one who spoke before.
  expect(findByQuote(scored, "We will answer")).toHaveLength(0);
});

test("a country's name right before a verb of saying is its government speaking; elsewhere it is the country", () => {
  const text = `Oslo and Stockholm trade blame

Sweden said that Norwegian patrols on Monday seriously violated the treaty by crossing the line twice.

Norway has said that two of its boats were damaged in the clash with Sweden.

Talks with Norway said to be stalled, according to diplomats.
`;
  const { scored } = run(wire("country-speaks.txt", text));
  expect(one(scored, "Norwegian patrols on Monday seriously violated the treaty")).toMatchObject({ speaker: "Swedish government", speakerCountry: "Sweden", target: "Norway" });
  expect(one(scored, "two of its boats were damaged")).toMatchObject({ speaker: "Norwegian government", speakerCountry: "Norway" });
  expect(findByQuote(scored, "to be stalled")).toHaveLength(0);
});

test("a verb of saying under negation or refusal reports no words", () => {
  const text = `Oslo and Stockholm trade blame

Swedish Prime Minister Karin Lund said the patrols had crossed the line twice.

Norwegian Foreign Minister Ola Berg has not confirmed that two of its boats were damaged, and declined to say whether the navy was involved.
`;
  const { scored } = run(wire("negated.txt", text));
  expect(findByQuote(scored, "two of its boats were damaged")).toHaveLength(0);
  expect(findByQuote(scored, "whether the navy was involved")).toHaveLength(0);
});

test("a paragraph without a verb is a caption, not the lede", () => {
  const text = `Oslo hails the vote

Norwegian Prime Minister Ola Berg (C), May 6, 2024.

"I call on all of us to keep building the national union," the Norwegian leader said.

After the official results of the vote on Monday, Berg congratulated the officials who ran it and said Sweden must respect them.
`;
  const { scored } = run(wire("verbless.txt", text));
  expect(one(scored, "keep building the national union")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-06" });
});

test("a background event's day earlier in the paragraph does not move the saying off the occasion", () => {
  const text = `Oslo and Stockholm agree to talk

Norway and Sweden agreed to hold talks, both governments said on Monday.

"The two sides had a frank exchange of views," Norwegian Foreign Minister Ola Berg noted.

The first meeting took place on March 6. Norway and Sweden also agreed to keep talking about the quotas, he added.
`;
  const { scored } = run(wire("background-day.txt", text));
  expect(one(scored, "agreed to keep talking about the quotas")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-06" });
});

test("“it said” after a person's office or statement has spoken is that office again", () => {
  const text = `Norway warns Sweden

Norwegian Prime Minister Ola Berg's office said Norway was working to resolve the issue.

"These threats are misguided," his office said in a statement.

A separate version of the statement issued in Norwegian featured strong language.

"There are two facts that the world has certified," it said.
`;
  expect(one(run(wire("it-said.txt", text)).scored, "two facts that the world has certified").speaker).toBe("Ola Berg");
});

describe("a day in the opening's relative clause dates the event it describes, not the occasion", () => {
  test("“an attack carried out … on Friday”: the quotes that follow are not dated Friday", () => {
    const text = `Oslo calm after embassy attack

Norwegian Prime Minister Ola Berg has insisted that ties with Sweden will not suffer following an attack carried out at the embassy in Oslo on Friday.

"Nothing will come between our two nations," Berg said.
`;
    const quote = one(run(wire("reduced.txt", text)).scored, "Nothing will come between our two nations");
    expect(quote.speaker).toBe("Ola Berg");
    expect(quote.date).not.toBe("2024-05-03");
  });

  test("“comments made by X at a rally on Sunday” and “who was killed on Friday” are background; the next day named is the occasion", () => {
    const text = `Sweden recalls envoy

Sweden said it was recalling its ambassador in response to comments made by Norwegian Prime Minister Ola Berg at a rally on Sunday.

The body of the guard, who was killed during an attack on Friday, arrived in Stockholm on Monday.

"Our envoy will stay home," Swedish Foreign Minister Karin Lund said.
`;
    expect(one(run(wire("relative.txt", text)).scored, "Our envoy will stay home").date).toBe("2024-05-06");
  });

  test("a day after a quotation belongs to the verb before it, whatever participle the quotation holds", () => {
    const text = `Berg urges unity

Norwegian Prime Minister Ola Berg urged his neighbours to stand together against "threats posed by Sweden" on Tuesday.

"We must be united," Berg said.
`;
    expect(one(run(wire("after-quote.txt", text)).scored, "We must be united").date).toBe("2024-05-07");
  });

  test("“in a statement issued on Monday” names the words' own occasion", () => {
    const text = `Oslo protests

Norway protested to Sweden in a statement issued on Monday.

"This is unacceptable," Norwegian Foreign Minister Ola Berg said.
`;
    expect(one(run(wire("vehicle.txt", text)).scored, "This is unacceptable").date).toBe("2024-05-06");
  });
});

test("the day of a speaker's action in the paragraph before dates their words that follow", () => {
  const text = `Oslo protests

Sweden's coast guard seized two Norwegian boats, the Swedish government said on Tuesday.

Meanwhile, Norwegian Foreign Minister Ola Berg on Monday summoned the Swedish ambassador to lodge a strong protest.

Berg said the waters have been Norway's since ancient times.
`;
  const { scored } = run(wire("acting-day.txt", text));
  expect(one(scored, "the waters have been Norway's since ancient times")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-06" });
});

test("a reported clause keeps its determiner; an audience before “that” is skipped", () => {
  const text = `Oslo protests

Norwegian Foreign Minister Ola Berg said the waters have been Norway's since ancient times.

Swedish Prime Minister Karin Lund told the parliament that Norway had broken the treaty twice.
`;
  const { scored } = run(wire("determiner.txt", text));
  expect(one(scored, "waters have been Norway's").text).toBe("the waters have been Norway's since ancient times");
  expect(one(scored, "Norway had broken the treaty").text).toBe("Norway had broken the treaty twice");
});

test("“the top <demonym> diplomat” is that country's foreign minister", () => {
  const text = `Oslo hails the deal

Norwegian Foreign Minister Ola Berg welcomed the deal with Sweden.

In a post on Friday, the top Norwegian diplomat said, “The return to normal relations with Sweden will open great chances for both countries.”
`;
  const { scored } = run(wire("top-diplomat.txt", text));
  expect(one(scored, "will open great chances for both countries")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
});

test("a day between subject and verb of saying; words reported before “X said …, accusing … “…””", () => {
  const text = `Oslo cuts ties

Sweden on Wednesday said it regretted the decision to cut diplomatic ties.

Norway is cutting diplomatic relations with Sweden, Foreign Minister Ola Berg said on Tuesday at a news conference, accusing its neighbour of "hostile actions".
`;
  const { scored } = run(wire("day-between.txt", text));
  expect(one(scored, "it regretted the decision to cut diplomatic ties")).toMatchObject({ speaker: "Swedish government", date: "2024-05-08" });
  expect(one(scored, "Norway is cutting diplomatic relations with Sweden")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-07" });
  expect(one(scored, "hostile actions").speaker).toBe("Ola Berg");
});

test("“the statement said” is whoever issued it, the last the reporter has speaking; a phrase fronting the report is not part of it", () => {
  const text = `Oslo regrets the decision

The Norwegian Foreign Ministry said on Tuesday that it had taken note of the decision to sever relations.

Three fishermen were travelling between the Swedish capital, Stockholm, and Bergen.

For its part, Norway will remain a loyal partner for the Swedish people, the statement said.

"Several factors indicate that Swedish forces carried out this attack," according to the statement.
`;
  const { scored } = run(wire("the-statement.txt", text));
  expect(one(scored, "Norway will remain a loyal partner")).toMatchObject({ text: "Norway will remain a loyal partner for the Swedish people", speaker: "Norwegian Foreign Ministry" });
  expect(one(scored, "Swedish forces carried out this attack").speaker).toBe("Norwegian Foreign Ministry");
});

test("a reported clause around a partial quotation is the statement, and still one with the quotation alone elsewhere", () => {
  const monday = wire(
    "clause.txt",
    `Oslo condemns crossing

Norwegian Prime Minister Ola Berg said Monday it was “absolutely unacceptable” that Sweden could have used the fishing fleet for political reasons.
`,
  );
  const other = article(
    "quote-only.txt",
    `---
date: 2024-05-07
source: Other Wire
---
Oslo condemns crossing

Norwegian Prime Minister Ola Berg said on Monday: “absolutely unacceptable”.
`,
  );
  const { scored } = run(monday, other);
  const statement = one(scored, "absolutely unacceptable");
  expect(statement.sources.map((s) => s.quote).sort()).toEqual(["absolutely unacceptable", "it was “absolutely unacceptable” that Sweden could have used the fishing fleet for political reasons"]);
  expect(statement.sources.every((s) => s.direct)).toBe(true);
});

test("the one who speaks in an infinitive is the sentence's subject, not the object before it", () => {
  const text = `Oslo protests

Norwegian Foreign Minister Ola Berg on Monday summoned Sweden's ambassador to Norway to express "strong protest" over the move.
`;
  const { scored } = run(wire("infinitive.txt", text));
  expect(one(scored, "strong protest")).toMatchObject({ speaker: "Ola Berg", target: "Sweden" });
});

test("a speaker's label before a quotation attributes it, as transcripts and posts print it", () => {
  const text = `Oslo celebrates the vote

Norwegian Prime Minister Ola Berg hailed the result on Monday.

Prime Minister Ola Berg: "I share this video of a historic day that crowns a splendid victory over Sweden's claims."

The result, officials said: "It will stand."
`;
  const { scored } = run(wire("label.txt", text));
  expect(one(scored, "crowns a splendid victory")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-06" });
});

test("a broadcast transcript's cue line names who speaks in the quotation below it", () => {
  const text = `Oslo urges fair trade

Norwegian Prime Minister Ola Berg delivered his speech on Tuesday.

[Sound bite: Prime Minister Ola Berg (Norwegian)]
"A country that grew first must not kick the ladder away from Sweden while others follow."
`;
  const { scored } = run(wire("sound-bite.txt", text));
  expect(one(scored, "must not kick the ladder away")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-07" });
});

test("a report before “she said” holding a partial quotation is the statement as a whole", () => {
  const text = `Oslo warns Stockholm

Norwegian Prime Minister Kari Dahl spoke in parliament on Monday.

Otherwise, Norway will consider the seizure "an unlawful use of force by the Swedish state," she said.
`;
  const { scored } = run(wire("leading-clause.txt", text));
  expect(one(scored, "an unlawful use of force")).toMatchObject({ speaker: "Kari Dahl", text: 'Otherwise, Norway will consider the seizure "an unlawful use of force by the Swedish state,"' });
});

test("a report before “he said” keeps its speaker when a phrase of circumstance follows the verb", () => {
  const text = `Oslo reminds Stockholm

Norwegian Prime Minister Ola Berg spoke at a congress in Bergen on Tuesday.

Sweden should remember that it receives assistance from Norway, he said against the background of the deepening conflict over fishing quotas.
`;
  const { scored } = run(wire("circumstance.txt", text));
  expect(one(scored, "Sweden should remember that it receives assistance")).toMatchObject({ speaker: "Ola Berg", date: "2024-05-07" });
});

test("a lone word after “the” is no person, though an appositive title follows it", () => {
  const text = `Oslo and Stockholm meet in Rome

Norwegian Prime Minister Ola Berg met Swedish Prime Minister Karin Lund on Sunday.

It is for Lund to withdraw her threats and stop trying to punish Norway for leaving the EU, the Norwegian Foreign Ministry spokesman told reporters.

“The Prime Minister reiterated his deep concern over the rhetoric from Sweden,” the Norwegian Foreign Ministry spokesman said.
`;
  const { scored } = run(wire("the-eu.txt", text));
  expect(one(scored, "deep concern over the rhetoric from Sweden").speaker).not.toBe("EU");
});

test("“Norway's fisheries minister”: a portfolio the title list does not know refers to that minister", () => {
  const text = `Oslo warns Stockholm

Norwegian Fisheries Minister Kari Dahl met fishermen in Bergen on Monday.

Norway's fisheries minister told parliament that Sweden had unilaterally imposed limits on Norwegian boats.
`;
  const { scored } = run(wire("portfolio-nominal.txt", text));
  expect(one(scored, "Sweden had unilaterally imposed limits")).toMatchObject({ speaker: "Kari Dahl", speakerCountry: "Norway" });
});

test("“his office said” is the person the office speaks for", () => {
  const text = `Oslo rejects threats

Swedish Prime Minister Karin Lund voiced anger at Norway over its quotas.

In a statement, Prime Minister Ola Berg's office said Norway was working to resolve the issues with Sweden.

"Nonetheless, occasional threats to have Norway give in to unfair terms still abound," his office said in a statement.
`;
  const { scored } = run(wire("his-office.txt", text));
  expect(one(scored, "occasional threats to have Norway give in").speaker).toBe("Ola Berg");
});

test("the end of a title is no name, and an appositive title may open with a rank the list does not know", () => {
  const text = `Oslo welcomes the declaration

Lars Olav Dahl, Norwegian State Minister for Foreign Affairs told a virtual media briefing, “We want to do this sooner rather than later with Sweden.”
`;
  const { scored } = run(wire("title-tail.txt", text));
  expect(one(scored, "sooner rather than later")).toMatchObject({ speaker: "Lars Olav Dahl", speakerCountry: "Norway" });
  expect(scored.map((s) => s.speaker)).not.toContain("Foreign Affairs");
});

test("“the Norwegian foreign minister” places the one foreign minister the article gave no country", () => {
  const text = `Oslo demands an inquiry

Foreign Minister Ola Berg spoke with his Swedish counterpart on Wednesday.

The Norwegian foreign minister said Sweden must punish those responsible for the clash.
`;
  const { scored } = run(wire("places-office.txt", text));
  expect(one(scored, "Sweden must punish those responsible")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway", target: "Sweden" });
});

describe("the report's own day printed at its top dates what its opening names no other day for", () => {
  test("a date line under the headline", () => {
    const text = `Oslo warns Stockholm

May 7, 2024

Norway's Prime Minister Ola Berg has warned that Norway will respond to Sweden's new quotas.

"We will not accept this," Berg said.
`;
    expect(one(run(wire("date-line.txt", text)).scored, "We will not accept this").date).toBe("2024-05-07");
  });

  test("a dateline", () => {
    const text = `Oslo warns Stockholm

OSLO, May 7 (Nordic Wire) – Norway's Prime Minister Ola Berg has warned that Norway will respond to Sweden's new quotas.

"We will not accept this," Berg said.
`;
    expect(one(run(wire("dateline.txt", text)).scored, "We will not accept this").date).toBe("2024-05-07");
  });
});

describe("single quotation marks", () => {
  const quoted = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end));

  test("quote as British style prints them; apostrophes inside words do not", () => {
    expect(quoted("He called it ‘a complete misjudgement’. It's the 'people's choice', said the countries' leaders.")).toEqual(["a complete misjudgement", "people's choice"]);
  });

  test("two of them typed for a double mark open and close a quotation", () => {
    expect(quoted("He warned that ‘‘two can play at that game’’ in the dispute. It’s the ministers’ view.")).toEqual(["two can play at that game"]);
    expect(quoted("He warned that “two can play at that game’’ in the dispute.")).toEqual(["two can play at that game"]);
  });

  test("a quotation carried through paragraphs is not closed by an apostrophe", () => {
    const text = "“We are proud of our people.\n\nOur country’s unity has been a mission for me.\n\nThe future will be bright”, reads his post.";
    expect(quoted(text)).toHaveLength(3);
  });

  test("inside double quotation marks they are the speaker's own quoting", () => {
    expect(quoted(`"We reject such 'fake' claims," she said.`)).toEqual(["We reject such 'fake' claims,"]);
  });

  test("a single-quoted partial quote is the speaker's statement", () => {
    const text = `Ministers differ

Swedish Foreign Minister Karin Lund said on Monday that Norway's decision was 'a complete misjudgement of the situation'.
`;
    expect(one(run(wire("single.txt", text)).scored, "a complete misjudgement of the situation").speaker).toBe("Karin Lund");
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

describe("the one an agency quotes, introduced beside a body or without a title", () => {
  test("“secretary of Norway's National Security Council Ola Berg”: the council's name runs into his, and he holds its office", () => {
    const text = `Deal signed

The deal was signed after days of talks between secretary of Norway’s National Security Council Ola Berg and his Swedish counterpart, the NTB news agency reported.

“Clearing up misunderstandings will develop regional security,” NTB cited Berg as saying.
`;
    expect(one(run(wire("body-name.txt", text)).scored, "Clearing up misunderstandings")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
  });

  test("“the agency quoted Berg as saying” makes Berg a speaker though no title introduced him", () => {
    const text = `Deal signed

The deal was signed after talks between Norway's Ola Berg and his Swedish counterpart.

“Clearing up misunderstandings will develop regional security,” the agency quoted Berg as saying.
`;
    expect(one(run(wire("as-saying.txt", text)).scored, "Clearing up misunderstandings")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
  });
});

test("“was entirely to blame for the “…”” is what was said, not a speech act of blaming", () => {
  const text = `Envoy blames Oslo

Swedish Ambassador Karin Lund said on Tuesday that ties were strained.

Lund said Norway was entirely to blame for the "many difficulties" in bilateral relations.
`;
  expect(one(run(wire("to-blame.txt", text)).scored, "many difficulties").text).toBe('Norway was entirely to blame for the "many difficulties" in bilateral relations');
});

test("a noun of saying inside what a verb reports (“said that Lund's comments …”) does not take the quotation from the verb's speaker", () => {
  const text = `Berg rebukes envoy

Norwegian President Ola Berg said at a Cabinet meeting that Swedish Ambassador Karin Lund's recent comments brought into question whether the envoy "has an attitude of mutual respect befitting a diplomat."
`;
  expect(one(run(wire("noun-inside.txt", text)).scored, "attitude of mutual respect")).toMatchObject({ speaker: "Ola Berg", target: "Sweden" });
});

test("“said at a Tuesday news conference”: the dated event is where the words were said", () => {
  const text = `Berg speaks

Sweden recalled its ambassador from Oslo on Monday, the Swedish government said.

Sweden's foreign ministry said the step was "unavoidable."

Norwegian President Ola Berg said at a Tuesday news conference that Sweden "must change course."
`;
  expect(one(run(wire("setting.txt", text)).scored, "must change course").date).toBe("2024-05-07");
});

test("an occasion days before publication bounds undated words by a range up to publication, not its single day", () => {
  const opening = (day: string) => `Oslo recalls envoy

Norway recalled its ambassador from Stockholm on ${day}, the Norwegian government said.

Norwegian Prime Minister Ola Berg said Sweden "must explain itself."
`;
  const late = one(run(wire("late.txt", opening("Saturday"))).scored, "must explain itself");
  expect(late.date).toBeNull();
  expect(late.dateRange).toEqual({ from: "2024-05-04", to: "2024-05-08" });
  expect(one(run(wire("recent.txt", opening("Monday"))).scored, "must explain itself").date).toBe("2024-05-06");
});

describe("a relative clause on a country (“Sweden, whose Prime Minister Karin Lund denies …”)", () => {
  const text = `Oslo mobilises

OSLO — Norwegian Prime Minister Ola Berg on Thursday called for mobilisation against Sweden, whose Prime Minister Karin Lund denies backing the rebels.

He indicated that the Swedish government is involved in the unrest in the north.

"We are not involved in any of this," Lund said.
`;
  const { scored } = run(wire("whose.txt", text));

  test("gives the person introduced in it that country, not the dateline's", () => {
    expect(one(scored, "We are not involved in any of this")).toMatchObject({ speaker: "Karin Lund", speakerCountry: "Sweden" });
  });

  test("“He” is the main clause's speaker, not the one speaking inside the relative clause", () => {
    expect(one(scored, "Swedish government is involved in the unrest").speaker).toBe("Ola Berg");
  });
});

describe("a government's statement, issued by its spokesperson's office", () => {
  const text = `Oslo regrets

OSLO — Sweden ordered Norwegian Ambassador Ola Berg to leave on Saturday. Norway notes with regret the decision, said a statement by the office of the government spokesperson of Norway.

"It is regrettable that Sweden continues to scapegoat Norway," said the statement. Norway remains committed to the agreed frameworks, including the Oslo Roadmap, said the statement.

The expulsion was announced by the Swedish government spokesman Karin Lund.
`;
  const { scored } = run(wire("spokesperson-office.txt", text));

  test("“said the statement” is the office that issued it (“a statement by the office of …”), not the ambassador named before", () => {
    expect(one(scored, "continues to scapegoat Norway")).toMatchObject({ speaker: "government spokesperson of Norway", speakerCountry: "Norway" });
  });

  test("a capital opening a longer name (“the Oslo Roadmap”) is not the government speaking", () => {
    expect(one(scored, "remains committed to the agreed frameworks").speaker).toBe("government spokesperson of Norway");
  });

  test("“the Swedish government spokesman Karin Lund” is Swedish, so Norway's unnamed spokesperson is not her", () => {
    expect(findByQuote(scored, "continues to scapegoat Norway").map((s) => s.speaker)).not.toContain("Karin Lund");
  });
});

describe("a body before a spokesperson's title, and a speech act whose object is the quotation", () => {
  const text = `Oslo surprised

STOCKHOLM – Norway’s Foreign Ministry has expressed “surprise” about Sweden’s criticism over its fishing policy.

Norway’s foreign office spokesperson Kari Dahl described Sweden’s decision as “quite unusual,” describing the move as “not a very appropriate procedure to resolve a crisis.”
`;
  const { scored } = run(wire("office-spokesperson.txt", text));

  test("“expressed “surprise” about …”: the verb and what follows the quotation are the statement", () => {
    expect(one(scored, "surprise").text).toBe("expressed “surprise” about Sweden’s criticism over its fishing policy");
  });

  test("“Norway's foreign office spokesperson Kari Dahl”: Dahl is Norway's, and her participle is hers", () => {
    expect(one(scored, "quite unusual")).toMatchObject({ speaker: "Kari Dahl", speakerCountry: "Norway" });
    expect(one(scored, "not a very appropriate procedure")).toMatchObject({ speaker: "Kari Dahl", speakerCountry: "Norway" });
  });
});

test("“read the statement” and “the statement read” attribute a quotation to the statement's issuer", () => {
  const text = `Oslo reopens airspace

OSLO — Norway reopened its airspace to flights from Sweden on Monday, the Norwegian foreign ministry said.

“The Government of Norway has decided to re-open its airspace to all flights from Sweden,” read the statement in part.

“This goodwill measure has been made in the mutual interest of our two countries,” the statement read.
`;
  const { scored } = run(wire("statement-read.txt", text));
  expect(one(scored, "decided to re-open its airspace").speaker).toBe("Norwegian foreign ministry");
  expect(one(scored, "This goodwill measure").speaker).toBe("Norwegian foreign ministry");
});

test("“…, said a statement by the office of X”: the statement's author, named after it, speaks", () => {
  const text = `Oslo regrets

OSLO — Sweden ordered Norwegian Ambassador Ola Berg to leave on Saturday. Norway notes with regret the decision by Sweden to expel its envoy, said a statement by the office of the government spokesperson of Norway.
`;
  expect(one(run(wire("a-statement-by.txt", text)).scored, "notes with regret the decision")).toMatchObject({ speaker: "government spokesperson of Norway", speakerCountry: "Norway" });
});

describe("a bare “the ministry” refers back to the body last named with that noun", () => {
  const text = `Oslo evacuates embassy

Earlier, the Norwegian foreign ministry said a security guard was killed at its embassy in Stockholm. The ministry said it would evacuate its embassy staff from Sweden.
`;
  const { scored } = run(wire("the-ministry.txt", text));

  test("“The ministry said” is the Norwegian foreign ministry", () => {
    expect(one(scored, "evacuate its embassy staff from Sweden")).toMatchObject({ speaker: "Norwegian foreign ministry", speakerCountry: "Norway" });
  });

  test("a body the speaker names inside the quotation is not the one the reporter's “the ministry” refers to", () => {
    const quoted = run(wire("quoted-body.txt", `Oslo answers Stockholm

OSLO — Norway's Ministry of Foreign Affairs answered on Monday.

"The attention of the ministry has been drawn to a statement released by the Swedish Ministry of Foreign Affairs," a statement from the ministry said.
`)).scored;
    expect(one(quoted, "attention of the ministry has been drawn")).toMatchObject({ speakerCountry: "Norway" });
  });

  test("a speaker's own “the ministry” is not the reporter's reference back", () => {
    const quoted = run(wire("quoted-ministry.txt", `Lund speaks from Rome

Swedish Foreign Minister Karin Lund flew to Rome on Monday. The Italian foreign ministry hosted her.

"I think it is important that the ministry forges a path forward that frees Norway from the current construct," Lund said.
`)).scored;
    expect(one(quoted, "forges a path forward")).toMatchObject({ speaker: "Karin Lund", target: "Norway" });
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

describe("a news agency in a dateline is a byline, not a speaker", () => {
  const agencies = ["AFP", "Agence France-Presse", "Reuters", "Xinhua", "AP", "Associated Press"];
  const afp = `Neighbours trade words

NAIROBI (AFP) - Kenya on Tuesday said Uganda's troop build-up on the border was a threat to regional peace.

"We will not be intimidated by anyone," it said in a statement.
`;
  const reuters = `Navy to sail

LONDON (Reuters) - Britain said on Monday that it would send more warships to the Gulf to protect shipping from Iran.
`;
  const xinhua = `Beijing rejects claims

BEIJING, Jan. 5 (Xinhua) -- China on Sunday said Vietnam's claims over the islands were groundless and illegal.
`;
  const ap = `Ministry rejects claims

(AP) — Tanzania said on Tuesday that Malawi's claims over the lake were groundless and would be rejected.

Tanzanian Foreign Minister Juma Mwinyi told reporters that Malawi was "playing with fire".
`;
  const { scored } = run(wire("afp.txt", afp), wire("reuters.txt", reuters), wire("xinhua.txt", xinhua), wire("ap.txt", ap));

  test("no statement is the agency's", () => {
    expect(scored.filter((s) => s.speaker !== null && agencies.includes(s.speaker)).map((s) => `${s.speaker}: ${s.text}`)).toEqual([]);
  });

  test("the official named after the dateline still speaks", () => {
    expect(one(scored, "playing with fire")).toMatchObject({ speaker: "Juma Mwinyi", speakerCountry: "Tanzania", target: "Malawi" });
  });
});

describe("a parenthetical between the subject and the verb of saying", () => {
  const text = `Ministers trade words

SEOUL — South Korean Foreign Minister Lee Dong-hwan met Mongolian Foreign Minister Bat-Erdene Gansukh on Monday.

Mr Lee, in turn, said his government was ready to resume talks with Mongolia.

Dutch Trade Minister Pieter Smith met Belgian Prime Minister Jan Peeters on Tuesday.

Smith, speaking in Paris as Belgian Prime Minister Jan Peeters looked on, said the Netherlands would impose new tariffs on Belgian steel.

Norwegian Defence Minister Ingrid Holm visited the border with Russia on Monday.

The minister, for her part, warned that Norway would respond to any incursion by Russia.
`;
  const { scored } = run(wire("parenthetical.txt", text));

  test("“Mr Lee, in turn, said” is Lee", () => {
    expect(one(scored, "ready to resume talks with Mongolia").speaker).toBe("Lee Dong-hwan");
  });

  test("“Smith, speaking in Paris as Peeters looked on, said” is Smith, not the place nor the other leader", () => {
    expect(one(scored, "impose new tariffs on Belgian steel")).toMatchObject({ speaker: "Pieter Smith", speakerCountry: "Netherlands" });
  });

  // "The minister, however, warned" is tested above ("a bare office refers back to its portfolio").
  test("“the minister, for her part, warned” is the minister named before", () => {
    expect(one(scored, "respond to any incursion by Russia")).toMatchObject({ speaker: "Ingrid Holm", target: "Russia" });
  });
});

describe("a pronoun after a long quotation", () => {
  const text = `Minister rejects claims

OSLO — Norwegian Foreign Minister Erik Dahl said on Monday that Sweden had violated the fishing treaty.

"This is unacceptable. We have warned them many times. They did not listen. Now they will see the consequences. Our patience has limits," he said.

"We will not be bullied by Stockholm," he added.
`;
  const { scored } = run(wire("long-quote.txt", text));

  test("sentences inside the quotation do not push the speaker out of reach of “he said”", () => {
    for (const piece of ["This is unacceptable.", "We have warned them many times.", "Our patience has limits"]) {
      expect(one(scored, piece)).toMatchObject({ speaker: "Erik Dahl", speakerCountry: "Norway" });
    }
  });

  test("“he added” after the long quotation is the same speaker", () => {
    expect(one(scored, "We will not be bullied by Stockholm").speaker).toBe("Erik Dahl");
  });
});

describe("a surname alone, whichever order the full name is written in", () => {
  const text = `Leaders trade words

SEOUL — Baek warned on Monday that Japan must apologise for its wartime abuses, as South Korean President Baek Jun-seo marked the anniversary of the war's end.

Chinese Premier Zhou Weiming met Vietnamese leaders in Hanoi on Tuesday.

Japanese Prime Minister Haruto Sakamoto rejected the demand on Tuesday.

Baek said Seoul would "never forget" what Japan had done.

Zhou told reporters that China would "defend its sovereignty" against Vietnam.

Sakamoto said Japan had "apologised enough" to Korea.
`;
  const { scored } = run(wire("surnames.txt", text));

  test("family name first: “Baek said” and “Zhou told reporters”", () => {
    expect(one(scored, "never forget")).toMatchObject({ speaker: "Baek Jun-seo", speakerCountry: "South Korea" });
    expect(one(scored, "defend its sovereignty")).toMatchObject({ speaker: "Zhou Weiming", speakerCountry: "China" });
  });

  test("family name last: “Sakamoto said”", () => {
    expect(one(scored, "apologised enough")).toMatchObject({ speaker: "Haruto Sakamoto", speakerCountry: "Japan" });
  });

  test("a family name first seen before the full name refers to that person", () => {
    expect(one(scored, "must apologise for its wartime abuses")).toMatchObject({ speaker: "Baek Jun-seo", target: "Japan" });
  });
});

describe("a quotation of several sentences ending in “?” or “!”", () => {
  const text = `Leaders trade words

DHAKA — Bangladeshi Prime Minister Farida Rahman and Burmese Foreign Minister Aung Min Htet traded words on Monday over the refugee crisis.

"We will not accept this. Can you believe it?" the prime minister said.

"They burned the villages. They must answer for it!" Rahman told reporters.

"We have done nothing wrong. Why should we apologise?" Aung Min Htet said.

"The camps are full. Who will pay for them?" Prime Minister Rahman said, adding that Bangladesh would not wait forever.
`;
  const { scored } = run(wire("question.txt", text));

  test("the attribution after the closing mark names the speaker, and every sentence of the quotation is hers", () => {
    for (const piece of ["We will not accept this.", "Can you believe it?", "They burned the villages.", "They must answer for it!"]) {
      expect(one(scored, piece)).toMatchObject({ speaker: "Farida Rahman", target: "Myanmar" });
    }
  });

  test("a capitalised name after “?” is the speaker, not the previous quotation's", () => {
    for (const piece of ["We have done nothing wrong.", "Why should we apologise?"]) expect(one(scored, piece).speaker).toBe("Aung Min Htet");
    for (const piece of ["The camps are full.", "Who will pay for them?"]) expect(one(scored, piece).speaker).toBe("Farida Rahman");
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

describe("verbs of saying the tagger misreads or that take a plain object", () => {
  const text = `Border row deepens

OSLO — The Swedish military on Tuesday alleged that Norwegian patrols had crossed the border twice.

Norwegian Foreign Minister Ola Berg reaffirmed Norway's commitment to the fishing accord with Sweden.

Swedish Prime Minister Karin Lund stressed Sweden's wish to settle the dispute through talks.
`;
  const { scored } = run(wire("verbs.txt", text));

  test("“X alleged that …” reports X's words though the tagger reads “alleged” as an adjective", () => {
    expect(one(scored, "Norwegian patrols had crossed the border")).toMatchObject({ speaker: "Swedish military", speakerCountry: "Sweden", target: "Norway" });
  });

  test("“reaffirmed …'s commitment”, “stressed …'s wish”: the object is the statement", () => {
    expect(one(scored, "commitment to the fishing accord")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
    expect(one(scored, "wish to settle the dispute")).toMatchObject({ speaker: "Karin Lund", speakerCountry: "Sweden" });
  });
});

describe("a date naming an event, not when the words were said", () => {
  const text = `Ministers speak after clash

OSLO, May 8 (Nordic Wire) — Norway and Sweden traded accusations after a clash at sea.

In their first call since Monday's clash, Norwegian Foreign Minister Ola Berg conveyed Norway's protest to his Swedish counterpart.

"Our boats were attacked without warning," Berg told Swedish Foreign Minister Karin Lund.
`;
  const { scored } = run(wire("event-date.txt", text));

  test("“since Monday's clash” does not date the call; the opening's day does not come from it either", () => {
    for (const piece of ["Norway's protest", "Our boats were attacked without warning"]) {
      expect(one(scored, piece).speaker).toBe("Ola Berg");
      expect(one(scored, piece).date).not.toBe("2024-05-06");
    }
  });
});

describe("a country speaking past an aside, and more acts of speech", () => {
  const text = `Fishing row

OSLO — Sweden, for its part, had accused Norwegian trawlers of fishing inside its waters.

Norway, in turn, said that its trawlers had kept to the agreed line.

Norwegian Prime Minister Ola Berg congratulated Sweden on the new fishing accord.

Swedish Foreign Minister Karin Lund reminded Norway of the quota agreed last year.

She reminded them that both countries were bound by the accord.
`;
  const { scored } = run(wire("aside.txt", text));

  test("“Sweden, for its part, had accused”, “Norway, in turn, said”: the country's government speaks", () => {
    expect(one(scored, "Norwegian trawlers of fishing inside its waters")).toMatchObject({ speaker: "Swedish government", speakerCountry: "Sweden", target: "Norway" });
    expect(one(scored, "its trawlers had kept to the agreed line")).toMatchObject({ speaker: "Norwegian government", speakerCountry: "Norway" });
  });

  test("“congratulated X on …”, “reminded X of …” are statements", () => {
    expect(one(scored, "congratulated Sweden on the new fishing accord")).toMatchObject({ speaker: "Ola Berg", target: "Sweden" });
    expect(one(scored, "the quota agreed last year")).toMatchObject({ speaker: "Karin Lund", target: "Norway" });
  });

  test("“reminded them that …”: the words begin after “that”", () => {
    expect(one(scored, "both countries were bound by the accord").text).toBe("both countries were bound by the accord");
  });
});

describe("the reporter's words score only through the verb of saying and the question asked", () => {
  const text = `Talks planned as row cools

OSLO — At a summit in Bergen on Monday, after an escalation at sea, Norwegian Prime Minister Ola Berg said: "Our fishermen deserve to work in peace and we will protect them."

Asked whether military action against the trawlers was possible, Berg replied, "Sounds good to me."

Swedish Foreign Minister Karin Lund warned that "the patrols must stop now".

Norway's defence minister vowed to meet the threat from the trawlers with more patrols.
`;
  const { scored } = run(wire("frame.txt", text));
  const rulesOf = (piece: string) => one(scored, piece).features.hits.map((hit) => hit.rule);

  test("narration's topic words around the quote (“after an escalation”) fire nothing", () => {
    expect(rulesOf("Our fishermen deserve to work in peace")).not.toContain("warn");
  });

  test("“to meet the threat” is no meeting", () => {
    expect(rulesOf("meet the threat from the trawlers")).not.toContain("meet");
  });

  test("the question asked and the verb of saying still count", () => {
    expect(rulesOf("Sounds good to me")).toContain("endorse_force");
    expect(rulesOf("the patrols must stop now")).toContain("warn");
  });
});

describe("word senses of the cues", () => {
  const text = `Court case

OSLO — Norwegian Prime Minister Ola Berg said: "We will take the case to the International Criminal Court."

Swedish Foreign Minister Karin Lund said: "We regret the decision of Norway to close the border."

Berg answered: "You owe us an apology."
`;
  const { scored } = run(wire("senses.txt", text));
  const rulesOf = (piece: string) => one(scored, piece).features.hits.map((hit) => hit.rule);

  test("a court's name accuses no one", () => {
    expect(rulesOf("International Criminal Court")).not.toContain("accuse_crime");
  });

  test("regret over another's act is criticism, not an apology; a demanded apology is none", () => {
    expect(rulesOf("We regret the decision of Norway")).toEqual(expect.arrayContaining(["criticize"]));
    expect(rulesOf("We regret the decision of Norway")).not.toContain("apologize");
    expect(rulesOf("You owe us an apology")).not.toContain("apologize");
  });
});

describe("a reported clause whose subject holds an infinitive or a participle", () => {
  const text = `Campaign row

OSLO — Norway said Swedish attempts to campaign in Oslo touched at the heart of Norwegian democracy.

Norwegian Prime Minister Ola Berg said Sweden's latest measures following the vote are a blatant breach of the accord.

Sweden's fisheries minister told the country's national assembly that Norway had closed its waters to Swedish boats.
`;
  const { scored } = run(wire("subject.txt", text));

  test("“said Swedish attempts to campaign … touched”, “said …'s measures following the vote are”", () => {
    expect(one(scored, "Swedish attempts to campaign in Oslo")).toMatchObject({ speaker: "Norwegian government", target: "Sweden" });
    expect(one(scored, "a blatant breach of the accord")).toMatchObject({ speaker: "Ola Berg", target: "Sweden" });
  });

  test("“told the country's national assembly that …”: the words begin after “that”", () => {
    expect(one(scored, "Norway had closed its waters").text).toBe("Norway had closed its waters to Swedish boats");
  });
});

describe("asides after the verb of saying", () => {
  const text = `Quota talks

OSLO — Norwegian Foreign Minister Ola Berg added, in remarks broadcast on Al-Nordic television, that any delay was only due to logistics.

Swedish Prime Minister Karin Lund expressed, on Monday, her optimism for the quota talks with Norway.
`;
  const { scored } = run(wire("asides.txt", text));

  test("a scene phrase holding a hyphenated name still leads to the “that” clause", () => {
    expect(one(scored, "any delay was only due to logistics").speaker).toBe("Ola Berg");
  });

  test("“expressed, on Monday, her optimism”: the object after an aside between commas", () => {
    expect(one(scored, "her optimism for the quota talks")).toMatchObject({ speaker: "Karin Lund", target: "Norway" });
  });
});

describe("“according to him”", () => {
  const text = `Fishing talks

OSLO — Norwegian Fisheries Minister Ola Berg spoke to his Swedish counterpart on Thursday.

According to him, the next round of talks with Sweden has already been scheduled.
`;
  const { scored } = run(wire("according-to-him.txt", text));

  test("the words are the one the pronoun refers back to", () => {
    expect(one(scored, "the next round of talks with Sweden")).toMatchObject({ speaker: "Ola Berg", target: "Sweden" });
  });
});

describe("a name with auxiliaries before its verb of saying", () => {
  const text = `Berg weighs next steps

Ola Berg has indicated that Norway and its allies will regroup to consider their next move.

Norwegian Prime Minister Ola Berg spoke after Sweden expelled three diplomats.
`;
  const { scored } = run(wire("auxiliaries.txt", text));

  test("“X has indicated that …” is X's, X being titled later in the article", () => {
    expect(one(scored, "Norway and its allies will regroup")).toMatchObject({ speaker: "Ola Berg", speakerCountry: "Norway" });
  });
});

describe("respect: regard for the other side, a norm demanded, or a preposition", () => {
  const text = `Border talks

OSLO — Norwegian Prime Minister Ola Berg said: "We respect the Swedish people."

Swedish Foreign Minister Karin Lund said: "Norway must respect the sovereignty of Sweden."

Berg answered: "With respect to the border, we have nothing to add."
`;
  const { scored } = run(wire("respect.txt", text));
  const rulesOf = (piece: string) => one(scored, piece).features.hits.map((hit) => hit.rule);

  test("respect for a people is praise", () => {
    expect(rulesOf("We respect the Swedish people")).toContain("praise");
  });

  test("respect demanded for a norm is a demand, not praise", () => {
    expect(rulesOf("must respect the sovereignty")).toContain("demand");
    expect(rulesOf("must respect the sovereignty")).not.toContain("praise");
  });

  test("'with respect to' praises no one", () => {
    expect(rulesOf("With respect to the border")).not.toContain("praise");
  });
});

describe("dialogue and cooperation: the subject spoken about, not the object of another verb", () => {
  const text = `Border talks

OSLO — Norwegian Prime Minister Ola Berg said: "Dialogue is always better than confrontation with Sweden."

Swedish Foreign Minister Karin Lund said: "The Norwegian move would damage the trust and cooperation built over decades with Sweden."
`;
  const { scored } = run(wire("cooperation-subject.txt", text));
  const rulesOf = (piece: string) => one(scored, piece).features.hits.map((hit) => hit.rule);

  test("a clause about dialogue is a call for it", () => {
    expect(rulesOf("Dialogue is always better")).toContain("cooperate");
  });

  test("cooperation that a verb damages calls for nothing", () => {
    expect(rulesOf("would damage the trust and cooperation")).not.toContain("cooperate");
  });
});

describe("a partial quotation where the reported clause's verb goes", () => {
  const text = `Fishing row

STOCKHOLM — Swedish Foreign Minister Karin Lund said on Monday she "deeply regrets" the Norwegian decision to close the fjord.
`;
  const { scored } = run(wire("verb-quoted.txt", text));

  test("the statement is the clause around it, not the quoted words alone", () => {
    expect(one(scored, "deeply regrets").text).toBe('she "deeply regrets" the Norwegian decision to close the fjord');
  });
});

describe("forms of address before a name", () => {
  const text = `Royal speech

OSLO — His Majesty King Harald said that Norway wants lasting peace with Sweden.
`;
  const { scored } = run(wire("honorifics.txt", text));

  test("'His Majesty' is no part of the speaker's name", () => {
    expect(one(scored, "lasting peace").speaker).toBe("Harald");
  });
});

describe("a stored copy cut off inside a quotation", () => {
  const text = `Fishing row

STOCKHOLM — Swedish Foreign Minister Karin Lund spoke about the fjord on Monday.

Asked when Norway should reopen it, Lund said: "This issue needs to be resolved in the next `;
  const { scored } = run(wire("cut-off.txt", text));

  test("the quotation left open is prose, reported up to the cut", () => {
    const statement = one(scored, "needs to be resolved");
    expect(statement.speaker).toBe("Karin Lund");
    expect(statement.text).toBe("This issue needs to be resolved in the next");
  });
});

describe("a colon hands the sentence over to the quotation", () => {
  const text = `Fishing row

Norwegian Defence Minister Ola Berg has issued a stern warning to Sweden on Monday: "Norway is not to be trifled with."

Norwegian Fisheries Minister Nils Holm visited the fjord with Swedish Ambassador Karin Lund.

[Soundbite] Karin Lund(Swedish ambassador to Norway) : "It was extremely tough for the government to find a solution."

Nils Holm (Norwegian fisheries minister): "We will keep the fjord closed."
`;
  const { scored } = run(wire("colon-lead.txt", text));

  test("the subject of a sentence ending in a colon says the quotation", () => {
    expect(one(scored, "trifled with").speaker).toBe("Ola Berg");
  });

  test("a speaker's label may carry an office in brackets and a transcript's cue before it", () => {
    expect(one(scored, "extremely tough").speaker).toBe("Karin Lund");
    expect(one(scored, "keep the fjord closed").speaker).toBe("Nils Holm");
  });
});

describe("“the premier” is the prime minister", () => {
  const text = `Dam row

OSLO — Norwegian Prime Minister Ola Berg spoke in Oslo on Monday.

Norway has shown that the dam does not harm Sweden, said the premier.
`;
  const { scored } = run(wire("premier.txt", text));

  test("the inverted attribution names the prime minister", () => {
    expect(one(scored, "does not harm Sweden").speaker).toBe("Ola Berg");
  });
});

describe("a participle of saying opening the sentence", () => {
  const text = `Dam row

OSLO — Norwegian Prime Minister Ola Berg spoke in Oslo on Monday.

Noting that Norway has tried to keep differences from becoming disputes, PM Berg said that “our engineers did their best for Sweden”.
`;
  const { scored } = run(wire("noting.txt", text));

  test("its clause is the main clause's speaker's, ending before that clause", () => {
    const noted = one(scored, "differences from becoming disputes");
    expect(noted.speaker).toBe("Ola Berg");
    expect(noted.text).toBe("Norway has tried to keep differences from becoming disputes");
    expect(one(scored, "engineers did their best").speaker).toBe("Ola Berg");
  });
});

describe("a belief stated and an attribution closed by a comma", () => {
  const text = `Border row

OSLO — Norwegian Fisheries Minister Nils Holm spoke in Oslo on Monday.

Holm believes the Swedish licences are in breach of the fisheries treaty.

Open borders are normal between two neighbouring countries, according to the minister, because closing them harms both peoples.
`;
  const { scored } = run(wire("believes.txt", text));

  test("“believes” reports its clause", () => {
    expect(one(scored, "in breach of the fisheries treaty").speaker).toBe("Nils Holm");
  });

  test("the clause before “according to X,” is X's even when the sentence goes on", () => {
    const statement = one(scored, "Open borders are normal");
    expect(statement.speaker).toBe("Nils Holm");
    expect(statement.text).toBe("Open borders are normal between two neighbouring countries");
  });
});

describe("a date naming an event says nothing of when words were said", () => {
  const text = `Fishing row

OSLO — Norwegian Prime Minister Ola Berg spoke to reporters on Wednesday, a day after a clash on Monday night.

“It is a crazy remark, of course,” Berg told journalists while campaigning for a May 15 election.
`;
  const { scored } = run(wire("attributive.txt", text));

  test("a date naming an event (“a May 15 election”) leaves the quote on the article's occasion", () => {
    expect(one(scored, "crazy remark").date).toBe("2024-05-08");
  });
});

describe("quotation marks typed the wrong way round", () => {
  test("” after white space opens the quotation, and the next ” closes it", () => {
    const text = "He said ” we will work together” and left. Then “more” came.";
    expect(findQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual([" we will work together", "more"]);
  });

  test("“ right after the last word closes the quotation", () => {
    const text = "Egypt “will act by all available means,“ the ministry said. It called the deal “fair and balanced.“";
    expect(findQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual(["will act by all available means,", "fair and balanced."]);
  });
});


describe("words picked out of one utterance, and a participle that takes the quotation", () => {
  const text = `Norway warns Sweden

OSLO — Norwegian Foreign Minister Ola Berg spoke to his Swedish counterpart on Monday.

The minister also underlined that the "unprecedented" development will have a "serious" impact on the bilateral relationship.

He stressed that Sweden needs to change its policies towards Norway, pointing out that “the kingdom is keen on protecting its citizens living in Sweden.”

Spokeswoman Karin Lund accused Sweden of shifting blame, asserting Norway’s commitment to defending its territory “at any cost.”
`;
  const { scored } = run(wire("picked.txt", text));

  test("a reported clause holding several one-word quotations is one statement", () => {
    expect(one(scored, "unprecedented").text).toBe('the "unprecedented" development will have a "serious" impact on the bilateral relationship');
  });

  test("the clause before “, pointing out that “…”” is reported apart from the quotation", () => {
    expect(one(scored, "needs to change its policies").text).toBe("Sweden needs to change its policies towards Norway");
    expect(one(scored, "keen on protecting").speaker).toBe("Ola Berg");
  });

  test("the quotation after “, asserting” is its own even past a verb inside the clause before it", () => {
    expect(one(scored, "shifting blame").text).toBe("accused Sweden of shifting blame");
    expect(one(scored, "at any cost").speaker).toBe("Karin Lund");
  });
});

describe("governments listed as one subject speak together", () => {
  const text = `Norway and Sweden sever ties

OSLO — Norway cut diplomatic ties with Sweden on Monday.

Denmark, Finland and Iceland also said they regretted the decision to sever diplomatic ties between the two countries.

In a call with Danish Foreign Minister Karin Lund, Norwegian Prime Minister Ola Berg said Sweden had left Norway no choice.
`;
  const { scored } = run(wire("joint.txt", text));

  test("each government in “A, B and C said” reports the words, none aimed at the others", () => {
    const joint = findByQuote(scored, "regretted the decision");
    expect(joint.map((s) => s.speaker).sort()).toEqual(["Danish government", "Finnish government", expect.stringMatching(/^Iceland/)]);
    for (const statement of joint) expect(statement.target).toBe("Norway");
  });

  test("a name before a comma is an aside, not a joint speaker", () => {
    expect(findByQuote(scored, "left Norway no choice").map((s) => s.speaker)).toEqual(["Ola Berg"]);
  });
});

describe("summary points under the headline", () => {
  const text = `Norway cuts ties with Sweden

• Denmark also said it regretted the decision to sever diplomatic ties

OSLO — Norway cut diplomatic ties with Sweden on Tuesday, Norwegian Foreign Minister Ola Berg said.
`;
  const { scored } = run(wire("points.txt", text));

  test("a point without its full stop is prose, dated by the lede that follows it", () => {
    const point = one(scored, "regretted the decision");
    expect(point.speaker).toBe("Danish government");
    expect(point.date).toBe("2024-05-07");
  });
});

describe("a reported clause whose speaker is then quoted in the next paragraph", () => {
  const text = `Fishing row

LONDON — The UK government said the French ambassador, Catherine Colonna, would be summoned to the Foreign Office on Friday.

“We regret the confrontational language used by the French government,” it added.
`;
  const { scored } = run(wire("lead-then-quote.txt", text));

  test("the clause is reported, with an appositive name inside its subject", () => {
    const clause = one(scored, "would be summoned");
    expect(clause.speaker).toBe("UK government");
    expect(clause.text).toBe("the French ambassador, Catherine Colonna, would be summoned to the Foreign Office on Friday");
  });

  test("the quotation is the same speaker's", () => {
    expect(one(scored, "confrontational language").speaker).toBe("UK government");
  });
});

describe("a portfolio before a bare office, and a saying inside the reported clause", () => {
  const text = `Grain row

KYIV — The spokesman of the Ministry of Foreign Affairs of Norway, Ola Berg, said on Monday that the ministry was informed about the meeting with Sweden.

The ministry spokesman noted that during this meeting, the Norwegian ambassador once again clarified the Norwegian position regarding the Swedish ban on fish.
`;
  const { scored } = run(wire("ministry-spokesman.txt", text));

  test("“the ministry spokesman” is the spokesman named before; the ambassador's verb inside the clause does not cut it; “once again” keeps the occasion", () => {
    const noted = one(scored, "once again clarified");
    expect(noted.speaker).toBe("Ola Berg");
    expect(noted.text).toBe("during this meeting, the Norwegian ambassador once again clarified the Norwegian position regarding the Swedish ban on fish");
    expect(noted.date).toBe("2024-05-06");
  });
});

describe("“For the ambassador, “…””", () => {
  const text = `Norway and Sweden

OSLO — Norwegian Ambassador Karin Lund spoke in Oslo on Monday.

For the ambassador, “Sweden has unfortunately opted for opacity to act behind Norway’s back”.

For months, “nothing has moved”, the fisheries board wrote.
`;
  const { scored } = run(wire("for-the.txt", text));

  test("the one the words are for says them", () => {
    expect(one(scored, "opted for opacity").speaker).toBe("Karin Lund");
  });

  test("“For” and a time is no speaker", () => {
    expect(findByQuote(scored, "nothing has moved").map((s) => s.speaker)).not.toContain("Karin Lund");
  });
});

describe("a line of page furniture before the dateline", () => {
  const text = `Norway ends pact with Sweden

Source: Example Wire| 2024-05-08 19:41:00|Editor: desk

OSLO, May 8 (Example Wire) -- Foreign Minister Ola Berg said the decision was made because of a problem of trust between Norway and Sweden.
`;
  const { scored } = run(wire("furniture.txt", text));

  test("the dateline after it still places an unqualified office-holder", () => {
    const statement = one(scored, "problem of trust");
    expect(statement.speakerCountry).toBe("Norway");
    expect(statement.target).toBe("Sweden");
  });
});

describe("subheads that quote a speaker under the headline", () => {
  const text = `Norway and Sweden restore shuttle diplomacy

Berg: "A Major Step for the Region"

Lund: "A Clear Act of Goodwill"

President Ola Berg of Norway said on the 7th, "Sweden is a partner that should cooperate with us."

The two leaders met for an hour at the palace.

President Berg expressed hope, saying, "The need for cooperation between our countries is growing."
`;
  const { scored } = run(wire("subheads.txt", text));

  test("a quoted subhead is a summary point: the lede after it still gives the occasion's day", () => {
    expect(one(scored, "need for cooperation").date).toBe("2024-05-07");
    expect(one(scored, "should cooperate with us").date).toBe("2024-05-07");
  });
});

describe("a title after a comma that introduces the next name", () => {
  const text = `Norway rejects Swedish remark

Norway will not cave in to aggressions of any kind over the dam, the office of the Norwegian Prime Minister has said.

On Friday, Swedish Prime Minister Karin Lund voiced anger at Norway over the dam.

In a statement seen by Fjord Radio, Prime Minister Ola Berg’s office said Norway was working to resolve the issues with Sweden.

“These threats to Norwegian sovereignty are misguided and unproductive,” his office said in a statement.

“Norway will not bow to pressure of any kind,” the statement added.
`;
  const { scored } = run(wire("title-after-comma.txt", text));

  test("belongs to that name, not to the name before the comma", () => {
    const statement = one(scored, "working to resolve");
    expect(statement.speaker).toBe("Ola Berg");
    expect(statement.speakerCountry).toBe("Norway");
  });

  test("so the statement's later words are its issuer's, not the last foreign speaker's", () => {
    expect(one(scored, "bow to pressure").speaker).toBe("Ola Berg");
  });
});

describe("the verb of saying that owns a partial quotation after it", () => {
  const text = `Norway and Sweden row

OSLO — Swedish Foreign Minister Karin Lund met reporters on Monday.

Norwegian President Ola Berg said on Sunday that he has no understanding for the Swedish speaker’s trip to Finland and called his behavior “boyish provocation.”

Lund had earlier called the Norwegian move "regrettable" and warned it "will not be without consequences."

Berg also accused them of treating the kingdom like “a banana republic.”

In a statement, Berg said Lund’s comments were interference in Norway’s affairs and reiterated that Norway is a free country that strives for good relations with all countries.
`;
  const { scored } = run(wire("owners.txt", text));

  test("a verb joined by “and” owns the quotation after it; the clause before stays a report", () => {
    expect(one(scored, "no understanding").text).toBe("he has no understanding for the Swedish speaker’s trip to Finland");
    expect(one(scored, "boyish provocation").text).toBe("called his behavior “boyish provocation.”");
  });

  test("a label's verb and object belong to it", () => {
    expect(one(scored, "regrettable").text).toBe('called the Norwegian move "regrettable"');
  });

  test("a speech act's verb opens the clause around a quotation at the sentence's end", () => {
    expect(one(scored, "banana republic").text).toBe("accused them of treating the kingdom like “a banana republic.”");
  });

  test("a verb joined by “and” takes the subject of the verb before it, not of a possessed noun inside its clause", () => {
    expect(one(scored, "free country").speaker).toBe("Ola Berg");
  });
});

describe("a speaker's country from the words around the name", () => {
  const text = `Norway and Sweden row

A campaign observed in the Swedish press has led to today's attack, Ola Berg, spokesman for Norway's Foreign Ministry, said in an interview.

Nils Dahl, Deputy Foreign Minister of Norway, said that the embassy in Stockholm had suspended its work.

According to Swedish Foreign Minister Karin Amir-Lund, the operation was aimed at a group in Norway.

“We only targeted a group on the soil of Norway,” Mr. Amir-Lund stated.
`;
  const { scored } = run(wire("countries.txt", text));

  test("an apposition's office “of” or “for” a country gives that country", () => {
    expect(one(scored, "has led to today").speakerCountry).toBe("Norway");
    expect(one(scored, "suspended its work").speakerCountry).toBe("Norway");
  });

  test("“according to” before a demonym is no posting: the demonym is the speaker's", () => {
    expect(one(scored, "operation was aimed").speakerCountry).toBe("Sweden");
  });

  test("a title's word joined to a name by a hyphen is part of the name", () => {
    expect(one(scored, "only targeted a group").speaker).toBe("Karin Amir-Lund");
  });
});

describe("a report before its speaker's name and apposition, after a dateline", () => {
  const text = `Norway and Sweden reopen borders

OSLO, Jan 5 (NTB-Wire) – Norway and Sweden reopened land borders from yesterday evening, Norway’s Foreign Minister Ola Berg said.

A campaign observed in the Swedish press has led to the attack, Nils Dahl, spokesman for Norway's Foreign Ministry, said in an interview.
`;
  const { scored } = run(wire("apposition-lead.txt", text));

  test("the words before “Name, apposition, said” are a report; the dateline is not part of them", () => {
    expect(one(scored, "reopened land borders").text).toBe("Norway and Sweden reopened land borders from yesterday evening");
    expect(one(scored, "has led to the attack").speaker).toBe("Nils Dahl");
  });
});

describe("a name set off by commas after its title", () => {
  const text = `Norway and Sweden row

In that sense, Norwegian Foreign Minister Ola Berg recalled that Sweden supported the rival candidate during the campaign; and that the Swedish vice president and Minister of Labour, Karin Lund, expressed in December that Norway "returned with cuts and authoritarianism."

“I don’t think there is a crisis with Sweden,” Berg said.

Swedish Prime Minister Nils Dahl changed his tone on Wednesday about his Norwegian counterpart, Ola Berg, saying they had exchanged a friendly phone call.
`;
  const { scored } = run(wire("titled-name.txt", text));

  test("is the subject of the verb after it, so its date is not the reporter's earlier speaker's", () => {
    expect(one(scored, "returned with cuts").speaker).toBe("Karin Lund");
    expect(one(scored, "crisis with Sweden").dateRange?.from).not.toBe("2023-12-01");
  });

  test("after a preposition it is no subject: a participle after it is the sentence subject's", () => {
    expect(one(scored, "friendly phone call").speaker).toBe("Nils Dahl");
  });
});

describe("a phrase of time after “said that”", () => {
  const text = `Norway welcomes talks

Norwegian Foreign Minister Ola Berg said that, with the joint efforts of Norway and Sweden, the talks in Oslo last month achieved significant results. Norway supports the two sides in taking new steps toward easing relations, he added.
`;
  const { scored } = run(wire("that-clause-time.txt", text));

  test("dates the clause's event, not the saying, nor the words said after it", () => {
    expect(one(scored, "achieved significant results").dateRange?.from).not.toBe("2024-04-01");
    expect(one(scored, "taking new steps").dateRange?.from).not.toBe("2024-04-01");
  });
});

describe("an official introduced by office, then quoted by name alone", () => {
  const text = `Brick thrown at embassy

OSLO — Norway's foreign minister on Tuesday confirmed reports that a brick was thrown at its embassy in Stockholm and echoed calls from Prime Minister Eva Lind on Monday to calm the situation.

"It is extremely regrettable and worrying," Ola Berg told reporters in Oslo.

Sweden's ambassador on Tuesday met Nils Dahl, who leads a citizens' group.

“We discussed the future,” Dahl said.
`;
  const { scored } = run(wire("office-then-name.txt", text));

  test("the name speaking right after the office holds it: its country, and the office's day", () => {
    const quote = one(scored, "extremely regrettable");
    expect(quote.speaker).toBe("Ola Berg");
    expect(quote.speakerCountry).toBe("Norway");
    expect(quote.date).toBe("2024-05-07");
  });

  test("a name first met as someone the office holder meets does not take the office", () => {
    expect(findByQuote(scored, "discussed the future")).toEqual([]);
  });
});

describe("a portfolio of two words the title list does not know, before an office it does", () => {
  const text = `Calls from abroad

Chief Cabinet Secretary Ola Berg said during a press conference that many of the calls bore the Swedish country code.

Oslo's police chief Nils Dahl disclosed that a preliminary investigation alluded to “personal and family-related problems” as a motive.
`;
  const { scored } = run(wire("two-word-portfolio.txt", text));

  test("is the speaker's title, so the speaker is an official", () => {
    expect(one(scored, "country code").speaker).toBe("Ola Berg");
  });

  test("a police chief is an official too", () => {
    expect(one(scored, "family-related problems").speaker).toBe("Nils Dahl");
  });
});

describe("a name right after “on Monday”", () => {
  const text = `Norway and Sweden row

OSLO — Norwegian Foreign Minister Ola Berg said on Sunday the ambassador would be recalled.

Then on Monday Berg summoned the Swedish ambassador to Norway, Nils Dahl, to insist that Sweden apologise for its comments.
`;
  const { scored } = run(wire("day-then-name.txt", text));

  test("is the subject, not the day's: the infinitive's speaker is the one summoning, on that day", () => {
    const statement = one(scored, "apologise for its comments");
    expect(statement.speaker).toBe("Ola Berg");
    expect(statement.date).toBe("2024-05-06");
  });
});

describe("a passive verb of saying before a partial quotation", () => {
  const text = `Norway and Sweden row

OSLO — Norwegian Foreign Minister Ola Berg said that the ambassador was being recalled “indefinitely”.
`;
  const { scored } = run(wire("passive-before-quote.txt", text));

  test("names no one: the verb of saying before it does", () => {
    const statement = one(scored, "indefinitely");
    expect(statement.speaker).toBe("Ola Berg");
    expect(statement.text).toBe("the ambassador was being recalled “indefinitely”");
  });
});

describe("a demand is a speech act", () => {
  const text = `Norway and Sweden row

OSLO — Norway's President Ola Berg said on Friday that an attack on his country's embassy in Sweden was "an act of terrorism" and demanded a swift investigation and punishment of the "terrorist".
`;
  const { scored } = run(wire("demand.txt", text));

  test("its verb opens the words demanded", () => {
    expect(one(scored, "swift investigation").text).toBe('demanded a swift investigation and punishment of the "terrorist"');
  });
});

describe("a partial quotation before a clause joined by “and that”", () => {
  const text = `Norway and Sweden row

OSLO — Norwegian Foreign Minister Ola Berg arrived on Monday.

Swedish state media quoted Berg saying the visit was a “provocation” and that Finland was an “inseparable part of the whole Nordic region”.
`;
  const { scored } = run(wire("quoted-saying.txt", text));

  test("the partial quotation's clause ends before “and that”", () => {
    const statement = one(scored, "provocation");
    expect(statement.speaker).toBe("Ola Berg");
    expect(statement.text).toBe("the visit was a “provocation”");
  });
});

describe("an aside after the bare subject of a reported clause", () => {
  const text = `Norway and Sweden row

OSLO — Swedish Foreign Minister Karin Lund met reporters on Monday.

The one-Sweden principle is the foreign policy of Norway, said Lund, noting that Berg, as one of the country’s leaders, has openly breached the principle which the government has promised to uphold.
`;
  const { scored } = run(wire("subject-aside.txt", text));

  test("does not end the clause", () => {
    expect(one(scored, "openly breached").text).toBe("Berg, as one of the country’s leaders, has openly breached the principle which the government has promised to uphold");
  });
});

describe("labels, recalls and free relatives", () => {
  const text = `Norway and Sweden row

OSLO — Norwegian Foreign Minister Ola Berg met reporters on Monday.

The move has prompted the Norwegian government to recall its ambassador to Sweden and block Stockholm's envoy from returning, terming the attack as “illegal” and warning of “serious consequences”.

During a series of meetings with Swedish leaders, including Prime Minister Karin Lund, Berg reiterated that Norway does not take positions over, what he termed, territorial disputes concerning the islands and called for all sides to be calm.
`;
  const { scored } = run(wire("labels-recalls.txt", text));

  test("“terming X as “…”” frames the label with its object", () => {
    expect(findByQuote(scored, "illegal").map((s) => s.text)).toEqual(["terming the attack as “illegal” and warning of “serious consequences”"]);
  });

  test("recalling an ambassador is no saying: no clause after it is reported", () => {
    expect(findByQuote(scored, "block Stockholm's envoy")).toEqual([]);
  });

  test("a verb joined by “and” takes the subject of the saying before a free relative, not the relative's", () => {
    expect(one(scored, "all sides to be calm").speaker).toBe("Ola Berg");
  });
});

describe("a body of government named without its country", () => {
  const text = `Norway expels Swedish officials

Norway has announced the expulsion of 12 Swedish officials, marking a downturn in relations between the two countries.

A Foreign Affairs Ministry statement said that the consular agents had been given 48 hours to leave the country.

The statement said that the expulsions were a response to the arrest of a Norwegian consular official in Sweden.
`;
  const { scored } = run(wire("unplaced-body.txt", text));

  test("is the government's of the country last heard speaking before it", () => {
    const statement = one(scored, "48 hours to leave");
    expect(statement.speaker).toBe("Norwegian Foreign Affairs Ministry");
    expect(statement.speakerCountry).toBe("Norway");
    expect(one(scored, "response to the arrest").speaker).toBe("Norwegian Foreign Affairs Ministry");
  });
});

describe("a form of address between an office and the name", () => {
  const text = `Borders reopen

OSLO, Jan 5 (NTB) – Norway and Sweden reopened land borders from yesterday evening, Denmark’s Foreign Minister, Sheikh Ola Berg, said.

“Both leaders confirmed their intention to start a new beginning,” the minister said, in a televised address.
`;
  const { scored } = run(wire("address-after-office.txt", text));

  test("the office is the named person's, so “the minister” is that person", () => {
    const statement = one(scored, "new beginning");
    expect(statement.speaker).toBe("Ola Berg");
    expect(statement.speakerCountry).toBe("Denmark");
  });
});

describe("a colon lead-in whose subject is a title, then the name", () => {
  const text = `Norway and Sweden row

OSLO — The Norwegian Defence Minister, Karin Lund, has issued a strong warning to Sweden in the last few hours: "Norway is not to be trifled with. We will not accept the slightest blackmail".
`;
  const { scored } = run(wire("colon-titled-name.txt", text));

  test("hands the quotation to the name", () => {
    expect(one(scored, "slightest blackmail").speaker).toBe("Karin Lund");
  });
});

describe("“affirmed” is a verb of saying", () => {
  const text = `Norway and Sweden row

OSLO, June 1 – A statement by Norway's foreign ministry affirmed "the clear and firm engagement" of the kingdom "to accept the return of unaccompanied and duly identified minors".
`;
  const { scored } = run(wire("affirmed.txt", text));

  test("a statement's author affirms what it quotes", () => {
    expect(one(scored, "duly identified minors").speaker).toBe("Norway's foreign ministry");
  });
});
