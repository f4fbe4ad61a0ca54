"use client";
// Filters for chart, table and exports. A plain GET form (works without JavaScript);
// with JavaScript it drops empty fields and validates before navigating, so that the
// URL stays short and shareable.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { DEFAULT_TOP, filtersToQuery, FilterError, parseFilters, type Filters, type ResolutionChoice } from "@/lib/read/filters";
import { dyadLabel, dyadParam } from "@/lib/core/dyad";
import { formatDay } from "@/lib/view/format";

const RESOLUTION_CHOICES: Array<{ value: ResolutionChoice; text: string }> = [
  { value: "auto", text: "Auto (by span)" },
  { value: "day", text: "Day" },
  { value: "week", text: "Week" },
  { value: "month", text: "Month" },
];

export interface FilterBarProps {
  filters: Filters;
  speakers: Array<{ name: string; statements: number }>;
  dyads: Array<{ country: string; target: string; statements: number }>;
  firstDate: string | null;
  lastDate: string | null;
}

const LABEL_CHOICES = [
  { value: "hostile", text: "Hostile" },
  { value: "neutral", text: "Neutral" },
  { value: "conciliatory", text: "Conciliatory" },
] as const;

/**
 * A day typed as the page writes days ("4 Jan 2026"; YYYY-MM-DD is read too), not the browser's
 * date picker, whose format follows the browser's locale (mm/dd/yyyy) and differs from the page.
 * The filters read it back (parseFilters), with or without JavaScript.
 */
function DayField({ id, name, label, value, placeholder }: { id: string; name: string; label: string; value: string | null; placeholder: string | null }) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="text"
        autoComplete="off"
        size={11}
        defaultValue={value ? formatDay(value) : ""}
        placeholder={placeholder ? formatDay(placeholder) : "4 Jan 2026"}
        title="A day such as 4 Jan 2026"
      />
    </div>
  );
}

export default function FilterBar({ filters, speakers, dyads, firstDate, lastDate }: FilterBarProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const selectedSpeakers = new Set(filters.speakers.map((s) => s.toLowerCase()));
  const speakerChoices = [
    ...speakers,
    ...filters.speakers.filter((s) => !speakers.some((c) => c.name.toLowerCase() === s.toLowerCase())).map((name) => ({ name, statements: 0 })),
  ];
  const selectedDyad = filters.dyads[0] ? dyadParam(filters.dyads[0]) : "";

  function navigate(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
    }
    try {
      const next = parseFilters(params, { strict: true });
      setError(null);
      const query = filtersToQuery(next);
      startTransition(() => router.push(query ? `/?${query}` : "/", { scroll: false }));
    } catch (e) {
      if (e instanceof FilterError) setError(e.message);
      else throw e;
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(event.currentTarget);
  }

  return (
    <form className="filters" method="get" action="/" onSubmit={onSubmit} aria-label="Filters" aria-busy={pending}>
      <DayField id="f-from" name="from" label="From" value={filters.from} placeholder={firstDate} />
      <DayField id="f-to" name="to" label="To" value={filters.to} placeholder={lastDate} />
      <div className="filter-field">
        <span className="filter-label" id="f-speakers-label">
          Speakers
        </span>
        <details className="multi">
          <summary aria-describedby="f-speakers-label">
            {filters.speakers.length === 0 ? "All speakers" : filters.speakers.length === 1 ? filters.speakers[0] : `${filters.speakers.length} speakers`}
          </summary>
          <fieldset>
            <legend className="visually-hidden">Speakers</legend>
            {speakerChoices.map((s) => (
              <label key={s.name} className="check">
                <input type="checkbox" name="speaker" value={s.name} defaultChecked={selectedSpeakers.has(s.name.toLowerCase())} />
                <span>{s.name}</span>
                {s.statements > 0 ? <span className="muted count">{s.statements}</span> : null}
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      <div className="filter-field">
        <label htmlFor="f-dyad">Dyad</label>
        <select id="f-dyad" name="dyad" defaultValue={selectedDyad}>
          <option value="">All dyads</option>
          {dyads.map((d) => (
            <option key={dyadParam(d)} value={dyadParam(d)}>
              {dyadLabel(d)} ({d.statements})
            </option>
          ))}
          {selectedDyad && !dyads.some((d) => dyadParam(d) === selectedDyad) ? <option value={selectedDyad}>{dyadLabel(filters.dyads[0])}</option> : null}
        </select>
      </div>
      <fieldset className="filter-field labels">
        <legend className="filter-label">Label</legend>
        <div className="chips">
          {LABEL_CHOICES.map((l) => (
            <label key={l.value} className={`chip chip-${l.value}`}>
              <input type="checkbox" name="label" value={l.value} defaultChecked={filters.labels.includes(l.value)} />
              <span>{l.text}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filter-field search">
        <label htmlFor="f-q">Search</label>
        <input id="f-q" name="q" type="search" placeholder="words in a statement or name" defaultValue={filters.q ?? ""} maxLength={200} />
      </div>
      <fieldset className="filter-field by">
        <legend className="filter-label">Lines per</legend>
        <div className="segmented">
          {(["speaker", "dyad"] as const).map((by) => (
            <label key={by}>
              <input
                type="radio"
                name="by"
                value={by}
                defaultChecked={filters.by === by}
                onChange={(e) => {
                  if (e.currentTarget.form) navigate(e.currentTarget.form);
                }}
              />
              <span>{by === "speaker" ? "Speaker" : "Dyad"}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filter-field">
        <label htmlFor="f-resolution">Points per</label>
        <select id="f-resolution" name="resolution" defaultValue={filters.resolution}>
          {RESOLUTION_CHOICES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.text}
            </option>
          ))}
        </select>
      </div>
      {filters.top !== DEFAULT_TOP ? <input type="hidden" name="top" value={filters.top} /> : null}
      <div className="filter-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? "Applying…" : "Apply filters"}
        </button>
        <a className="button" href="/">
          Reset
        </a>
      </div>
      {error ? (
        <p className="filter-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
