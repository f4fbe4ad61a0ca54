"use client";
// The statement explorer: sortable table; a row opens its context, every source's
// exact words, quoted or reported, and the score's explanation (contributions summing to
// the score). The page carries what the rows show; a row's context and sources are fetched
// when it first opens (/api/statements/<id>/sources).
import Link from "next/link";
import { Fragment, useState } from "react";
import { filtersToQuery, type Filters, type SortKey, type TableOptions } from "@/lib/read/filters";
import { formatDay, formatDayOrRange, formatDisagreement, formatReport, formatScore, formatSourceWords, formatTableDay, plural } from "@/lib/view/format";
import { dayReadings } from "@/lib/core/day-readings";
import type { DateRange } from "@/lib/core/types";
import type { StatementDetails, StatementRow } from "@/lib/read/statements";
import { citationOf, type Citation } from "@/lib/view/citation";

export interface StatementTableProps {
  rows: StatementRow[];
  total: number;
  filters: Filters;
  table: TableOptions;
}

const COLUMNS: Array<{ key: SortKey | null; text: string; className?: string }> = [
  { key: "date", text: "Date" },
  { key: "speaker", text: "Speaker → target" },
  { key: null, text: "Statement" },
  { key: "score", text: "Score", className: "num" },
  { key: null, text: "Label" },
  { key: "sources", text: "Sources", className: "num" },
];

/** A statement's day; one known only to a range is marked approximate, with the reason on hover. */
function DayCell({ date, range, fromPublication }: { date: string | null; range: DateRange | null; fromPublication: boolean }) {
  const day = formatTableDay(date, range, fromPublication);
  if (!day.approximate) return <td className="date">{day.text}</td>;
  const why = fromPublication ? "No report gives the day: the day before the earliest report through that day" : "The reports give a range of days, not one day";
  return (
    <td className="date approximate" data-approximate="true" title={why}>
      {day.text}
    </td>
  );
}

function scoreClass(score: number): string {
  return score < 0 ? "neg" : score > 0 ? "pos" : "zero";
}

function sortHref(filters: Filters, table: TableOptions, key: SortKey): string {
  const dir = table.sort === key ? (table.dir === "asc" ? "desc" : "asc") : key === "speaker" ? "asc" : "desc";
  const query = filtersToQuery(filters, { sort: key, dir, limit: table.limit });
  return query ? `/?${query}#statements` : "/#statements";
}

/** A row's details as fetched: null while loading. */
type Fetched = { details: StatementDetails } | { error: string } | null;

async function fetchDetails(id: string): Promise<Fetched> {
  try {
    const response = await fetch(`/api/statements/${encodeURIComponent(id)}/sources`);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) return { error: body.error ?? `HTTP ${response.status}` };
    return { details: body as StatementDetails };
  } catch {
    return { error: "the server could not be reached" };
  }
}

function Explanation({ s }: { s: StatementRow }) {
  const total = s.contributions.reduce((sum, c) => sum + Math.round(c.points * 100), 0) / 100;
  return (
    <table className="explanation">
      <caption>
        Why {formatScore(s.score, 2)}: each feature&rsquo;s value × weight = points
      </caption>
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">Matched words</th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col" className="num">
            Weight
          </th>
          <th scope="col" className="num">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {s.contributions.map((c) => (
          <tr key={c.feature}>
            <th scope="row">
              <span className="feature-name">{c.name}</span>
              {c.cameo ? <span className="cameo">CAMEO {c.cameo}</span> : null}
              <span className="feature-why">{c.explanation}</span>
            </th>
            <td data-label="Matched">
              {c.evidence ? <q>{c.evidence}</q> : <span className="muted">—</span>}
              {c.modifiers.length ? <span className="modifiers"> ({c.modifiers.join(", ")})</span> : null}
            </td>
            <td className="num" data-label="Value">
              {c.value}
            </td>
            <td className="num" data-label="Weight">
              {c.weight}
            </td>
            <td className={`num points ${scoreClass(c.points)}`} data-label="Points">
              {formatScore(c.points, 2)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            Score (sum of points)
          </th>
          <td className={`num points ${scoreClass(total)}`} data-testid="explanation-total">
            {formatScore(total, 2)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** A source as a citation: outlet, linked title, publication day; the file name only when nothing else is known. */
function Cited({ citation: c }: { citation: Citation }) {
  if (c.file) return <code data-testid="source-file">{c.file}</code>;
  const title = c.title ? <cite>{c.title}</cite> : c.url;
  const parts = [
    c.outlet ? <strong key="outlet" data-testid="source-outlet">{c.outlet}</strong> : null,
    title ? (
      c.url ? (
        <a key="title" href={c.url} target="_blank" rel="noreferrer noopener" data-testid="source-link">
          {title}
        </a>
      ) : (
        <span key="title">{title}</span>
      )
    ) : null,
    c.published ? (
      <time key="day" dateTime={c.published} className="muted" data-testid="source-day">
        {formatDay(c.published)}
      </time>
    ) : null,
  ].filter((part) => part !== null);
  return (
    <span className="citation" data-testid="citation">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? " · " : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

function Sources({ sources }: { sources: StatementDetails["sources"] }) {
  const disagreement = formatDisagreement(dayReadings(sources));
  return (
    <>
      {disagreement ? (
        <p className="disagreement" data-testid="day-disagreement">
          {disagreement[0].toUpperCase() + disagreement.slice(1)}.
        </p>
      ) : null}
      <ol className="sources">
        {sources.map((src, i) => (
          <li key={i}>
            <p className="source-head">
              <Cited citation={citationOf(src.article)} />
              <span className="muted"> · {formatReport(src.direct)}</span>
              {src.dateRange ? <span className="muted"> · dates it {formatDayOrRange(null, src.dateRange)}</span> : null}
            </p>
            <blockquote>{formatSourceWords(src.quote, src.direct)}</blockquote>
            {src.context && src.context !== src.quote ? <p className="muted small">{src.context}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function Details({ s, fetched }: { s: StatementRow; fetched: Fetched }) {
  const details = fetched && "details" in fetched ? fetched.details : null;
  const pending = fetched === null ? (
    <p className="muted small" role="status">
      Loading…
    </p>
  ) : "error" in fetched ? (
    <p className="notice notice-error" role="alert" data-testid="details-error">
      Could not load this statement&rsquo;s context and sources: {fetched.error}
    </p>
  ) : null;
  return (
    <div className="statement-details" aria-busy={fetched === null}>
      <section>
        <h4>Context</h4>
        {details ? <p className="context">{details.context}</p> : pending}
        {details && s.textClipped ? (
          <p className="small" data-testid="whole-text">
            The whole statement: <q>{details.text}</q>
          </p>
        ) : null}
        <p className="muted small">
          {s.cameo ? `CAMEO ${s.cameo} · ` : ""}scored with weight set v{s.weightVersion} · id {s.id}
        </p>
      </section>
      <section>
        <h4>Score</h4>
        <Explanation s={s} />
      </section>
      <section>
        <h4>{plural(s.sourceCount, "source")}</h4>
        {details ? <Sources sources={details.sources} /> : pending}
      </section>
    </div>
  );
}

export default function StatementTable({ rows, total, filters, table }: StatementTableProps) {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [fetched, setFetched] = useState<Map<string, Fetched>>(() => new Map());
  const toggle = (id: string) => {
    const opening = !open.has(id);
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    // Fetched once per row and kept; a failed fetch is tried again when the row reopens.
    const known = fetched.get(id);
    const failed = known != null && "error" in known;
    if (!opening || (known !== undefined && !failed)) return;
    setFetched((current) => new Map(current).set(id, null));
    void fetchDetails(id).then((result) => setFetched((current) => new Map(current).set(id, result)));
  };
  const pageHref = (offset: number) => {
    const query = filtersToQuery(filters, { ...table, offset });
    return query ? `/?${query}#statements` : "/#statements";
  };
  const first = total === 0 ? 0 : table.offset + 1;
  const last = table.offset + rows.length;

  return (
    <div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Statements">
        <table className="statements" data-testid="statements-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.text}
                  scope="col"
                  className={c.className}
                  aria-sort={c.key && table.sort === c.key ? (table.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  {c.key ? (
                    <Link href={sortHref(filters, table, c.key)} scroll={false} className="sort-link">
                      {c.text}
                      <span aria-hidden="true" className="sort-mark">
                        {table.sort === c.key ? (table.dir === "asc" ? " ▲" : " ▼") : " ↕"}
                      </span>
                    </Link>
                  ) : (
                    c.text
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const isOpen = open.has(s.id);
              return (
                <Fragment key={s.id}>
                  <tr className={`statement-row${isOpen ? " open" : ""}`} onClick={() => toggle(s.id)} data-statement-id={s.id}>
                    <DayCell date={s.date} range={s.dateRange} fromPublication={s.rangeFromPublication} />
                    <td className="who">
                      {s.speaker ?? <span className="muted">unknown</span>}
                      {s.speakerCountry ? <span className="muted small"> ({s.speakerCountry})</span> : null}
                      {s.target ? <span className="muted"> → {s.target}</span> : null}
                    </td>
                    <td className="quote">
                      <button
                        type="button"
                        className="row-toggle"
                        aria-expanded={isOpen}
                        aria-controls={`details-${s.id}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          toggle(s.id);
                        }}
                      >
                        <span aria-hidden="true" className="caret">
                          {isOpen ? "▾" : "▸"}
                        </span>
                        <q>{s.text}</q>
                      </button>
                    </td>
                    <td className="num score">
                      <span className={`score-chip ${scoreClass(s.score)}`}>{formatScore(s.score)}</span>
                    </td>
                    <td className="label-cell">
                      <span className={`label label-${s.label}`}>{s.label}</span>
                    </td>
                    <td className="num sources-cell">
                      {s.sourceCount}
                      <span className="narrow-only"> {s.sourceCount === 1 ? "source" : "sources"}</span>
                    </td>
                  </tr>
                  {isOpen ? (
                    <tr className="details-row" id={`details-${s.id}`}>
                      <td colSpan={COLUMNS.length}>
                        <Details s={s} fetched={fetched.get(s.id) ?? null} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Statement pages">
        <span className="muted">
          {total === 0 ? "No statements" : `${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${plural(total, "statement")}`}
        </span>
        {table.offset > 0 ? (
          <Link className="button" href={pageHref(Math.max(0, table.offset - table.limit))} scroll={false}>
            ← Previous
          </Link>
        ) : null}
        {last < total ? (
          <Link className="button" href={pageHref(table.offset + table.limit)} scroll={false}>
            Next →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
