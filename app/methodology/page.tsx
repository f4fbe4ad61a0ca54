// /methodology: how statements are found, dated and scored, the live rules and dictionaries, the
// latest accuracy on real reports beside its baselines, the limits, every data set's source and
// licence, and the dated events. Server-rendered from the data files, docs/accuracy.json and the
// store, so that it says what the running analysis does.
import type { ReactNode } from "react";
import accuracyData from "@/docs/accuracy.json";
import { DATA_SOURCES } from "@/app/methodology/sources";
import { getPrisma } from "@/lib/store/client";
import { getActiveWeights } from "@/lib/store/weight-sets";
import { listEvents, type EventListing } from "@/lib/read/events";
import { ACCURACY_FIGURES, ACCURACY_SPLITS, FIGURE_NAMES, formatFigure, type AccuracyFile, type AccuracyTone } from "@/lib/view/accuracy";
import { DATA_FILE_ABOUT, dictionarySummary, ruleTable, verbFamilies } from "@/lib/view/methodology";
import { defaultWeights } from "@/lib/score";
import type { WeightSet } from "@/lib/core/types";
import { formatDay, formatScore, plural } from "@/lib/view/format";
import "./methodology.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Methodology · Tension Index" };

const accuracy = accuracyData as AccuracyFile;

type Column = string | { text: string; num: true };

/** One of the page's tables: its header row from `columns`, its rows as children. */
function MethodTable({ testid, columns, children }: { testid: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="method-table" data-testid={testid}>
        <thead>
          <tr>
            {columns.map((c, i) =>
              typeof c === "string" ? (
                <th scope="col" key={i}>
                  {c}
                </th>
              ) : (
                <th scope="col" key={i} className="num">
                  {c.text}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
const TONE_FIGURES: Array<keyof AccuracyTone> = ["toneSign", "toneIntensity", "label"];

interface StoreView {
  weights: WeightSet;
  version: number | null;
  events: EventListing[];
  error: boolean;
}

async function readStore(): Promise<StoreView> {
  try {
    const db = getPrisma();
    const [active, events] = await Promise.all([getActiveWeights(db), listEvents(db)]);
    return { weights: active.weights, version: active.version, events, error: false };
  } catch (e) {
    console.error("methodology: cannot read the store", e);
    return { weights: defaultWeights(), version: null, events: [], error: true };
  }
}

function AccuracyTable() {
  const splits = ACCURACY_SPLITS.filter((name) => accuracy.splits[name]);
  const columns = splits.map((name) => {
    const s = accuracy.splits[name]!;
    return `${name}: ${plural(s.episodes, "episode")}, ${plural(s.articles, "report")}, ${s.gold} gold`;
  });
  return (
    <MethodTable testid="accuracy" columns={["", ...columns]}>
          {ACCURACY_FIGURES.map((figure) => {
            const tone = (TONE_FIGURES as string[]).includes(figure);
            return [
              <tr key={figure} className={tone ? "tone" : undefined}>
                <th scope="row">{FIGURE_NAMES[figure]}</th>
                {splits.map((name) => (
                  <td key={name}>{formatFigure(accuracy.splits[name]![figure])}</td>
                ))}
              </tr>,
              ...(tone
                ? (["wink", "vader"] as const).map((baseline) => (
                    <tr key={`${figure}-${baseline}`} className="baseline">
                      <th scope="row">↳ {baseline === "wink" ? "wink alone" : "VADER"}</th>
                      {splits.map((name) => (
                        <td key={name}>{formatFigure(accuracy.splits[name]!.baselines[baseline][figure as keyof AccuracyTone])}</td>
                      ))}
                    </tr>
                  ))
                : []),
            ];
          })}
    </MethodTable>
  );
}

export default async function MethodologyPage() {
  const store = await readStore();
  const rules = ruleTable(store.weights);
  const families = verbFamilies();
  const sizes = dictionarySummary();
  const { thresholds } = store.weights;
  return (
    <article className="methodology">
      <h2>Methodology</h2>
      <p className="lede">
        How the Tension Index finds officials&rsquo; statements in news reports, dates them, scores them from hostile (−10) to conciliatory (+10), how well it does on
        reports nobody on the project wrote, and what it cannot do.
      </p>
      <nav aria-label="On this page" className="method-toc">
        <a href="#found">Statements</a> · <a href="#score">Score</a> · <a href="#rules">Rules</a> · <a href="#dictionaries">Dictionaries</a> ·{" "}
        <a href="#accuracy">Accuracy</a> · <a href="#limits">Limits</a> · <a href="#sources">Sources</a> · <a href="#events">Events</a>
      </nav>
      {store.error ? (
        <p className="notice notice-error" role="alert">
          The store cannot be read: the weights below are the defaults, and the events are missing.
        </p>
      ) : null}

      <section id="found" aria-labelledby="found-title">
        <h3 id="found-title">How statements are found and dated</h3>
        <p>
          Each report is read as plain text. A quotation is a statement when a verb of saying, a possessive, &ldquo;according to&rdquo;, a speaker&rsquo;s label or the
          quotation before it ties it to a speaker; reported speech (&ldquo;the minister said that…&rdquo;, &ldquo;accused X of…&rdquo;, &ldquo;vowed to…&rdquo;) counts
          too. Titles, offices and country names make the speaker&rsquo;s country and the target country. Reports of the same words by one speaker merge into one
          statement with every report as its source.
        </p>
        <p>
          A statement&rsquo;s day is the day the words were said, never the report&rsquo;s own day: the date phrase tied to the verb of saying (&ldquo;on Sunday&rdquo;,
          &ldquo;Jan. 3&rdquo;) resolved against the publication day, else the day of the report&rsquo;s occasion. When the reports allow several days the statement keeps
          the range they agree on; when no report gives a day, the range is the day before the earliest report through that day. The chart plots only statements known to
          the day; the table lists ranges as approximate (&ldquo;≈ 3–4 Jan 2026&rdquo;), and a date filter lists a statement whose range overlaps it.
        </p>
      </section>

      <section id="score" aria-labelledby="score-title">
        <h3 id="score-title">How a score is made</h3>
        <p>
          Every feature of a statement has a <strong>value</strong>; the active weight set gives it a <strong>weight</strong>; <strong>value × weight = points</strong>,
          and the score is the sum of the points, capped to −10…+10 (the cap is shown as its own points, so that the points always add up to the score).
        </p>
        <ul>
          <li>
            <strong>Lexicon</strong>: wink-nlp&rsquo;s sentiment of the words, spread over −1…+1; weight {formatScore(store.weights.lexicon)}. Where any rule contributes,
            the lexicon counts for {sizes.lexiconShareUnderRules * 100} % of its weight.
          </li>
          <li>
            <strong>Rules</strong>: a rule fires when its cues occur in its scope (the speaker&rsquo;s words, the reporter&rsquo;s frame, or either); its value is 1, or
            the matched code&rsquo;s Goldstein value ÷ 10 for a verb family, scaled by negation, hedges and conditionals. Each rule counts once, by its strongest hit.
          </li>
          <li>
            <strong>Labels</strong>: hostile at {formatScore(thresholds.hostile)} or below, conciliatory at {formatScore(thresholds.conciliatory)} or above, neutral in
            between.
          </li>
        </ul>
        <p className="muted small">
          Example: a threat of force (value 1) under a weight of −7 gives −7 points; with a lexicon value of −0.5 under a weight of 10 shared at a tenth, −0.5 points
          more: a score of −7.5, hostile.
        </p>
      </section>

      <section id="rules" aria-labelledby="rules-title">
        <h3 id="rules-title">Rules and their weights</h3>
        <p className="muted small">
          {plural(rules.length, "rule")} from <code>lib/data/rules.json</code> and the CAMEO verb dictionary&rsquo;s families;{" "}
          {store.version !== null ? `weights of the active set, version ${store.version}` : "default weights"}.
        </p>
        <MethodTable testid="rules-table" columns={["Rule", "CAMEO", "Reads", { text: "Default", num: true }, { text: "Weight", num: true }]}>
              {rules.map((r) => (
                <tr key={r.id} data-rule={r.id}>
                  <td>
                    <strong>{r.name}</strong>
                    <br />
                    <span className="muted small">{r.explanation}</span>
                  </td>
                  <td>{r.cameo}</td>
                  <td className="small">{r.reads}</td>
                  <td className="num">{formatScore(r.defaultWeight)}</td>
                  <td className="num">{formatScore(r.weight)}</td>
                </tr>
              ))}
        </MethodTable>
      </section>

      <section id="dictionaries" aria-labelledby="dictionaries-title">
        <h3 id="dictionaries-title">Dictionaries</h3>
        <ul data-testid="dictionary-sizes">
          <li>
            <strong>Cues</strong>: {sizes.cues} cues of {sizes.cuePatterns} patterns for {plural(sizes.rules, "rule")} (<code>lib/data/rules.json</code>).
          </li>
          <li>
            <strong>CAMEO verb dictionary</strong>: {sizes.verbEntries} verb entries mapped to {sizes.verbCodes} codes (<code>lib/data/cameo-verbs.json</code>), by
            family below.
          </li>
          <li>
            <strong>Epithets</strong>: {sizes.epithets.nouns} nouns, {sizes.epithets.adjectives} adjectives and {sizes.epithets.phrases} phrases that insult, counted only
            where the speaker applies them to someone ({sizes.epithets.heads} head nouns an adjective may apply to; <code>lib/data/epithets.json</code>).
          </li>
          <li>
            <strong>Modifiers</strong> within {sizes.modifiers.window} words of a hit: negation ×{sizes.modifiers.negation}, {sizes.modifiers.hedgeWords} hedges ×
            {sizes.modifiers.hedge}, {sizes.modifiers.conditionalWords} conditional markers ×{sizes.modifiers.conditional} (<code>lib/data/modifiers.json</code>).
          </li>
        </ul>
        <MethodTable testid="verb-families" columns={["Family", { text: "Written from the codebook", num: true }, { text: "Added from WordNet", num: true }]}>
              {families.map((f) => (
                <tr key={f.code}>
                  <td>
                    {f.code} {f.name}
                  </td>
                  <td className="num">{f.seeds}</td>
                  <td className="num">{f.expansions}</td>
                </tr>
              ))}
        </MethodTable>
      </section>

      <section id="accuracy" aria-labelledby="accuracy-title">
        <h3 id="accuracy-title">Accuracy on real reports</h3>
        <p>
          Measured on published news reports nobody on the project wrote, against gold statements written by hand before the product read them. Rules are tuned on
          <strong> dev</strong> only; <strong>test</strong> is only reported; the <strong>seeds</strong> are the reports the rules were first written alongside. Each
          figure is a count with its 95 % interval; every tone figure stands beside two lexicons read alone on the same quotes: wink-nlp&rsquo;s sentiment and VADER.
        </p>
        <p className="muted small" data-testid="accuracy-measured">
          Measured on <time dateTime={accuracy.measuredAt}>{formatDay(accuracy.measuredAt)}</time> with <code>{accuracy.command}</code> (analysis{" "}
          {accuracy.analysisVersion}).
        </p>
        <AccuracyTable />
      </section>

      <section id="limits" aria-labelledby="limits-title">
        <h3 id="limits-title">Limits</h3>
        <ul>
          <li>Its tone is little better than a plain lexicon&rsquo;s: most statements fire no rule, so the lexicon&rsquo;s reading of their words is their score.</li>
          <li>It misses statements (the &ldquo;found&rdquo; row above says how many); it names speakers and their countries better than targets.</li>
          <li>English text only: it reads quotations and reported speech in the reports it is given, nothing said only in images, audio or video.</li>
          <li>A statement no report dates is placed on the day before its earliest report or that day; such statements are not charted.</li>
          <li>Sarcasm, irony and diplomatic understatement read literally; a weight fitted to the dev reports did not carry to reports it was not fitted on.</li>
          <li>The score measures the words reported, not the policy behind them, and an outlet&rsquo;s choice of quotes shapes what is found.</li>
        </ul>
      </section>

      <section id="sources" aria-labelledby="sources-title">
        <h3 id="sources-title">Sources and licences</h3>
        <MethodTable testid="sources" columns={["Data set", "Used for", "Licence", "Where"]}>
              {DATA_SOURCES.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>{s.use}</td>
                  <td>{s.licence}</td>
                  <td className="small">
                    <code>{s.where}</code>
                  </td>
                </tr>
              ))}
        </MethodTable>
        <details className="method-about">
          <summary>What the generated data files say of their own sources</summary>
          <dl>
            {Object.entries(DATA_FILE_ABOUT).map(([file, about]) => (
              <div key={file}>
                <dt>
                  <code>{file}</code>
                </dt>
                <dd className="small">{about}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      <section id="events" aria-labelledby="events-title">
        <h3 id="events-title">Events</h3>
        <p className="muted small">Dated events marked on the charts as labelled vertical lines; an admin adds them on /admin.</p>
        {store.events.length === 0 ? (
          <p className="muted">No events yet.</p>
        ) : (
          <ul className="event-list" data-testid="events-list">
            {store.events.map((e) => (
              <li key={e.id}>
                <time dateTime={e.day}>{formatDay(e.day)}</time>: {e.url ? <a href={e.url} rel="noopener noreferrer">{e.label}</a> : e.label}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
