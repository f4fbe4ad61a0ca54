import worldCountries from "world-countries";
import aliasData from "../lib/data/country-aliases.json";
import seatData from "../lib/data/seats-of-power.json";
import agencyData from "../lib/data/news-agencies.json";
import institutionData from "../lib/data/institutions.json";
import titleData from "../lib/data/titles.json";
import {
  COUNTRIES,
  TITLES,
  canonicalCountry,
  countryCode,
  countryOf,
  findCountryMentions,
  findInstitutionMentions,
  findTitles,
  matchTitleAt,
} from "../lib/ingest/gazetteer";

/** [text, country, via] triples, for compact assertions. */
const mentions = (s: string) => findCountryMentions(s).map((m) => [m.text, m.country, m.via]);
const institutions = (s: string) => findInstitutionMentions(s).map((m) => [m.name, m.country, m.kind]);

describe("data files", () => {
  test.each([
    ["country-aliases", aliasData],
    ["seats-of-power", seatData],
    ["news-agencies", agencyData],
    ["institutions", institutionData],
    ["titles", titleData],
  ])("%s has an _about note", (_name, data) => {
    expect(typeof (data as { _about?: unknown })._about).toBe("string");
  });

  test("every country code in the data exists in world-countries", () => {
    const codes = new Set(worldCountries.map((c) => c.cca3));
    const used = [
      ...aliasData.countries.map((c) => c.country),
      ...Object.keys(aliasData.display),
      ...Object.values(aliasData.formOwners),
      ...aliasData.capitalsFor,
      ...seatData.entries.map((e) => e.country),
      ...agencyData.entries.map((e) => e.country),
      ...institutionData.entries.flatMap((e) => (e.country ? [e.country] : [])),
    ];
    expect(used.filter((c) => !codes.has(c))).toEqual([]);
  });
});

describe("findCountryMentions", () => {
  test("an invented country does not match", () => {
    expect(mentions("Ruritania's king said the border with Syldavia stays closed.")).toEqual([]);
  });

  test("seats of power and state media", () => {
    expect(mentions("The Kremlin said it would respond.")).toEqual([["Kremlin", "Russia", "seat"]]);
    expect(mentions("North Korea's KCNA warned of retaliation.")).toEqual([
      ["North Korea's", "North Korea", "possessive"],
      ["KCNA", "North Korea", "agency"],
    ]);
    // Wires and public broadcasters are sources, not state voices.
    expect(mentions("Yonhap and Reuters reported it, citing the BBC and Voice of America.")).toEqual([]);
    expect(institutions("Voice of America reported")).toEqual([["Voice of America", "United States", "public-broadcaster"]]);
  });

  test("longest match first, demonyms", () => {
    expect(mentions("U.S. and South Korean forces held drills near the border.")).toEqual([
      ["U.S.", "United States", "name"],
      ["South Korean", "South Korea", "demonym"],
    ]);
    expect(mentions("Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea signed.")).toEqual([
      ["Papua New Guinea", "Papua New Guinea", "name"],
      ["Guinea-Bissau", "Guinea-Bissau", "name"],
      ["Equatorial Guinea", "Equatorial Guinea", "name"],
      ["Guinea", "Guinea", "name"],
    ]);
    expect(mentions("the United States of America")).toEqual([["United States of America", "United States", "name"]]);
  });

  test("capitals as metonyms", () => {
    expect(mentions("Seoul and Pyongyang traded accusations.")).toEqual([
      ["Seoul", "South Korea", "capital"],
      ["Pyongyang", "North Korea", "capital"],
    ]);
  });

  test("press names that contain a place are not the state", () => {
    expect(mentions("the Washington Post reported on Tuesday.")).toEqual([]);
    expect(mentions("the Washington Post reported that Washington was angry.")).toEqual([
      ["Washington", "United States", "capital"],
    ]);
    expect(mentions("Latin American leaders met at the Organization of American States.")).toEqual([]);
    expect(mentions("the leader of the South American country")).toEqual([]);
    expect(mentions("Ships in the South China Sea and the Indian Ocean; a storm in New Mexico.")).toEqual([]);
    expect(mentions("She studied at Georgetown University and then at the Moscow State University.")).toEqual([]);
  });

  test("demonyms", () => {
    expect(mentions("Turkish officials met Emirati and Congolese envoys.")).toEqual([
      ["Turkish", "Turkey", "demonym"],
      ["Emirati", "United Arab Emirates", "demonym"],
      ["Congolese", "DR Congo", "demonym"],
    ]);
    expect(mentions("Colombians and Americans")).toEqual([
      ["Colombians", "Colombia", "demonym"],
      ["Americans", "United States", "demonym"],
    ]);
  });

  test("accents are optional", () => {
    expect(mentions("Protesters rallied in Bogota and in Bogotá.")).toEqual([
      ["Bogota", "Colombia", "capital"],
      ["Bogotá", "Colombia", "capital"],
    ]);
    expect(mentions("Türkiye and Turkey, Côte d’Ivoire and Cote d'Ivoire")).toEqual([
      ["Türkiye", "Turkey", "name"],
      ["Turkey", "Turkey", "name"],
      ["Côte d’Ivoire", "Ivory Coast", "name"],
      ["Cote d'Ivoire", "Ivory Coast", "name"],
    ]);
  });

  test("possessives with straight and curly apostrophes", () => {
    const m = findCountryMentions("Colombia’s Foreign Ministry said");
    expect(m).toEqual([
      { start: 0, end: 10, text: "Colombia’s", country: "Colombia", code: "COL", via: "possessive", possessive: true },
    ]);
    expect(mentions("the Philippines' claim, the United States' decision, the U.S.'s role, Beijing's reply")).toEqual([
      ["Philippines'", "Philippines", "possessive"],
      ["United States'", "United States", "possessive"],
      ["U.S.'s", "United States", "possessive"],
      ["Beijing's", "China", "capital"],
    ]);
  });

  test("US only in capitals; lowercase common nouns never match", () => {
    expect(mentions("Give us the United States, the US, the USA and the U.S. but not USD or US$5.")).toEqual([
      ["United States", "United States", "name"],
      ["US", "United States", "name"],
      ["USA", "United States", "name"],
      ["U.S.", "United States", "name"],
    ]);
    expect(mentions("We ate turkey off fine china; the chinese lanterns were in japan.")).toEqual([]);
  });

  test("names that are also personal names", () => {
    expect(mentions("Chad's president met Chad Wolf in N'Djamena on Monday.")).toEqual([
      ["Chad's", "Chad", "possessive"],
      ["N'Djamena", "Chad", "capital"],
    ]);
    expect(mentions("Israel Katz said Israel would respond, while Jordan Bardella spoke in Paris.")).toEqual([
      ["Israel", "Israel", "name"],
      ["Paris", "France", "capital"],
    ]);
    expect(mentions("King Abdullah of Jordan met Georgia's prime minister; Denzel Washington was absent.")).toEqual([
      ["Jordan", "Jordan", "name"],
      ["Georgia's", "Georgia", "possessive"],
    ]);
    // Title-case headlines capitalise every word: the place name is kept.
    expect(mentions("Trump Warns Israel Over Gaza Strikes")).toEqual([["Israel", "Israel", "name"]]);
    // Photo credit on its own line.
    expect(mentions("Supporters rally in Bogota, Colombia.\n(Santiago Saldarriaga | AP)")).toEqual([
      ["Bogota", "Colombia", "capital"],
      ["Colombia", "Colombia", "name"],
    ]);
  });

  test("datelines in capitals", () => {
    expect(mentions("WASHINGTON — President Donald Trump said")).toEqual([["WASHINGTON", "United States", "capital"]]);
  });

  test("the two Congos", () => {
    expect(mentions("the Democratic Republic of Congo, the Republic of Congo, Congo-Brazzaville, DRC")).toEqual([
      ["Democratic Republic of Congo", "DR Congo", "name"],
      ["Republic of Congo", "Republic of the Congo", "name"],
      ["Congo-Brazzaville", "Republic of the Congo", "name"],
      ["DRC", "DR Congo", "name"],
    ]);
  });

  test("mentions are sorted and do not overlap, spans are exact", () => {
    const text = "In a call, U.S. President Donald Trump and Colombian President Gustavo Petro discussed Venezuela and Caracas.";
    const m = findCountryMentions(text);
    for (let i = 0; i < m.length; i++) {
      expect(text.slice(m[i].start, m[i].end)).toBe(m[i].text);
      if (i > 0) expect(m[i].start).toBeGreaterThanOrEqual(m[i - 1].end);
    }
    expect(m.map((x) => x.country)).toEqual(["United States", "Colombia", "Venezuela", "Venezuela"]);
  });

  test("every world-countries entry resolves by its common name, in text and through countryOf", () => {
    const notInText = new Set(aliasData.notInText);
    for (const c of worldCountries) {
      const display = COUNTRIES.find((x) => x.cca3 === c.cca3)!.name;
      expect([c.name.common, countryOf(c.name.common)]).toEqual([c.name.common, display]);
      expect([c.name.official, canonicalCountry(c.name.official)]).toEqual([c.name.official, display]);
      if (notInText.has(c.name.common)) continue;
      const found = findCountryMentions(`Officials from ${c.name.common} said on Monday.`);
      expect([c.name.common, found.map((f) => [f.text, f.country])]).toEqual([c.name.common, [[c.name.common, display]]]);
    }
  });

  test("every world-countries demonym resolves (shared ones to the sovereign state)", () => {
    const shared: Record<string, string> = {
      French: "France",
      Dutch: "Netherlands",
      Indian: "India",
      American: "United States",
      Norwegian: "Norway",
      Congolese: "DR Congo",
      Dominican: "Dominican Republic",
    };
    for (const c of worldCountries) {
      const display = COUNTRIES.find((x) => x.cca3 === c.cca3)!.name;
      const dem = c.demonyms?.eng?.m;
      if (!dem) continue;
      const first = dem.split(/,\s*|\s+or\s+/)[0];
      const expected = shared[first] ?? (["Channel Islander", "Virgin Islander"].includes(first) ? countryOf(first) : display);
      expect([first, countryOf(first)]).toEqual([first, expected]);
      expect(countryOf(first)).not.toBeNull();
    }
  });
});

describe("countryOf / canonicalCountry / countryCode", () => {
  test("names, aliases, demonyms, capitals, seats, agencies", () => {
    expect(countryOf("U.S.")).toBe("United States");
    expect(countryOf("America")).toBe("United States");
    expect(countryOf("American")).toBe("United States");
    expect(countryOf("Britain")).toBe("United Kingdom");
    expect(countryOf("British")).toBe("United Kingdom");
    expect(countryOf("Russian Federation")).toBe("Russia");
    expect(countryOf("Republic of Korea")).toBe("South Korea");
    expect(countryOf("DPRK")).toBe("North Korea");
    expect(countryOf("Türkiye")).toBe("Turkey");
    expect(countryOf("Czechia")).toBe("Czech Republic");
    expect(countryOf("Colombian")).toBe("Colombia");
    expect(countryOf("Colombia’s")).toBe("Colombia");
    expect(countryOf("Beijing")).toBe("China");
    expect(countryOf("Kremlin")).toBe("Russia");
    expect(countryOf("KCNA")).toBe("North Korea");
    expect(countryOf("Ruritania")).toBeNull();
  });

  test("case and accents", () => {
    expect(countryOf("bogota")).toBe("Colombia");
    expect(countryOf("COLOMBIA")).toBe("Colombia");
    expect(countryOf("turkiye")).toBe("Turkey");
    // Acronyms need their capitals: lowercase "us" is a pronoun.
    expect(countryOf("us")).toBeNull();
    expect(countryOf("US")).toBe("United States");
    expect(countryOf("kcna")).toBeNull();
  });

  test("canonicalCountry accepts names and codes only", () => {
    expect(canonicalCountry("the Philippines")).toBe("Philippines");
    expect(canonicalCountry("Türkiye")).toBe("Turkey");
    expect(canonicalCountry("TÜRKIYE")).toBe("Turkey");
    expect(canonicalCountry("COL")).toBe("Colombia");
    expect(canonicalCountry("GB")).toBe("United Kingdom");
    expect(canonicalCountry("Colombian")).toBeNull();
    expect(canonicalCountry("Bogotá")).toBeNull();
  });

  test("countryCode", () => {
    expect(countryCode("Colombian")).toBe("COL");
    expect(countryCode("White House")).toBe("USA");
    expect(countryCode("nowhere")).toBeNull();
  });

  test("COUNTRIES lists all entries under display names", () => {
    expect(COUNTRIES).toHaveLength(worldCountries.length);
    expect(new Set(COUNTRIES.map((c) => c.name)).size).toBe(COUNTRIES.length);
    expect(COUNTRIES.find((c) => c.cca3 === "TUR")!.name).toBe("Turkey");
    expect(COUNTRIES.find((c) => c.cca3 === "COL")).toMatchObject({ name: "Colombia", demonym: "Colombian", sovereign: true });
  });
});

describe("findInstitutionMentions", () => {
  test("country + head noun", () => {
    expect(institutions("Colombia’s Foreign Ministry said on Monday.")).toEqual([
      ["Colombia's Foreign Ministry", "Colombia", "foreign-ministry"],
    ]);
    expect(institutions("the Russian Foreign Ministry and the Chinese government")).toEqual([
      ["Russian Foreign Ministry", "Russia", "foreign-ministry"],
      ["Chinese government", "China", "executive"],
    ]);
    expect(institutions("North Korea's state media said")).toEqual([["North Korea's state media", "North Korea", "state-media"]]);
    expect(institutions("Venezuela's interim government and Myanmar's military government")).toEqual([
      ["Venezuela's interim government", "Venezuela", "executive"],
      ["Myanmar's military government", "Myanmar", "executive"],
    ]);
    expect(institutions("U.S. officials and the U.S. military")).toEqual([
      ["U.S. officials", "United States", "officials"],
      ["U.S. military", "United States", "military"],
    ]);
    expect(institutions("Beijing's foreign ministry")).toEqual([["Beijing's foreign ministry", "China", "foreign-ministry"]]);
  });

  test("head noun + of (the) country", () => {
    expect(institutions("the Ministry of Foreign Affairs of Colombia and the government of the United States")).toEqual([
      ["Ministry of Foreign Affairs of Colombia", "Colombia", "foreign-ministry"],
      ["government of the United States", "United States", "executive"],
    ]);
  });

  test("seats, agencies and standalone heads", () => {
    const m = findInstitutionMentions("The White House and the Kremlin traded barbs; the State Department said KCNA lied.");
    expect(m.map((x) => [x.text, x.country, x.kind, x.institution])).toEqual([
      ["White House", "United States", "executive", "White House"],
      ["Kremlin", "Russia", "executive", "Kremlin"],
      ["State Department", "United States", "foreign-ministry", "State Department"],
      ["KCNA", "North Korea", "state-media", "KCNA"],
    ]);
    expect(institutions("North Korea's KCNA warned")).toEqual([["North Korea's KCNA", "North Korea", "state-media"]]);
    expect(institutions("Xinhua reported, citing Yonhap.")).toEqual([
      ["Xinhua", "China", "state-media"],
      ["Yonhap", "South Korea", "wire"],
    ]);
    expect(institutions("the foreign ministry said")).toEqual([["foreign ministry", null, "foreign-ministry"]]);
    // Generic heads are not reported without a country.
    expect(institutions("the government said the military would act")).toEqual([]);
  });

  test("capitals are reported with kind capital", () => {
    expect(institutions("Beijing said Washington's move was reckless.")).toEqual([
      ["Beijing", "China", "capital"],
      ["Washington", "United States", "capital"],
    ]);
  });

  test("plain country names are not institutions", () => {
    expect(institutions("Colombia said the U.S. and Venezuela should talk.")).toEqual([]);
  });
});

describe("titles", () => {
  test("TITLES is sorted longest first and marks heads", () => {
    for (let i = 1; i < TITLES.length; i++) expect(TITLES[i - 1].title.length).toBeGreaterThanOrEqual(TITLES[i].title.length);
    const byTitle = (t: string) => TITLES.find((x) => x.title === t)!;
    for (const t of ["president", "prime minister", "premier", "chancellor", "king", "emir", "supreme leader", "leader"]) {
      expect([t, byTitle(t).head]).toEqual([t, true]);
    }
    for (const t of ["foreign minister", "ambassador", "spokesperson", "secretary of state", "general", "crown prince"]) {
      expect([t, byTitle(t).head]).toEqual([t, false]);
    }
  });

  test("matchTitleAt", () => {
    const s = "U.S. President Donald Trump";
    expect(matchTitleAt(s, 5)).toMatchObject({ start: 5, end: 14, text: "President", title: "president", head: true, rank: 1 });
    expect(matchTitleAt(s, 6)).toBeNull(); // inside a word
    expect(matchTitleAt(s, 0)).toBeNull();
    const d = "Colombia's deputy foreign minister, Mauricio Jaramillo";
    expect(matchTitleAt(d, 11)).toMatchObject({ text: "deputy foreign minister", title: "deputy foreign minister", base: "foreign minister", head: false, rank: 3 });
    expect(matchTitleAt("Defence Minister Pedro Sanchez", 0)).toMatchObject({ text: "Defence Minister", title: "defense minister", head: false });
    expect(matchTitleAt("the Colombian leader", 14)).toMatchObject({ title: "leader", head: true });
    expect(matchTitleAt("Vice-President Harris", 0)).toMatchObject({ title: "vice president", head: false, rank: 2 });
    expect(matchTitleAt("former Prime Minister Y", 0)).toMatchObject({ title: "prime minister", head: true, former: true });
    expect(matchTitleAt("Secretary of State Marco Rubio", 0)).toMatchObject({ text: "Secretary of State", title: "secretary of state" });
    expect(matchTitleAt("Minister of Foreign Affairs Luis Murillo", 0)).toMatchObject({ title: "foreign minister" });
  });

  test("case-sensitive abbreviations and prefixes that need a hyphen", () => {
    expect(findTitles("the PM said at 5 pm").map((t) => t.text)).toEqual(["PM"]);
    expect(findTitles("then-President Obama; under president Lula").map((t) => [t.text, t.title])).toEqual([
      ["then-President", "president"],
      ["president", "president"],
    ]);
  });

  test("findTitles", () => {
    expect(findTitles("Foreign Ministry spokesperson Mao Ning and Lt. Gen. Smith met the opposition leader.").map((t) => [t.text, t.title, t.head])).toEqual([
      ["Foreign Ministry spokesperson", "foreign ministry spokesperson", false],
      ["Lt. Gen.", "general", false],
      ["opposition leader", "opposition leader", false],
    ]);
  });
});

describe("performance", () => {
  test("scans a megabyte of news prose quickly", () => {
    const para =
      "WASHINGTON — U.S. President Donald Trump said Wednesday that Colombia’s Foreign Ministry and the Kremlin " +
      "had misled the State Department, while North Korea's KCNA and Xinhua reported that Beijing and Seoul " +
      "disagreed with the Washington Post. Colombian President Gustavo Petro told protesters in Bogotá that " +
      "the deputy foreign minister would travel to Caracas and Brasília next week.\n";
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const t0 = Date.now();
    const c = findCountryMentions(text);
    const i = findInstitutionMentions(text);
    const t = findTitles(text);
    const ms = Date.now() - t0;
    expect(c.length).toBeGreaterThan(20_000);
    expect(i.length).toBeGreaterThan(10_000);
    expect(t.length).toBeGreaterThan(5_000);
    expect(ms).toBeLessThan(5000);
  });
});
