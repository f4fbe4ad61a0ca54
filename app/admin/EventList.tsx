"use client";
// Dated events: add one (day, label, optional link), list them, remove one. The charts draw
// each as a labelled vertical line on its day; /methodology lists them. A refused event keeps
// what was typed in the form, and the store is left as it was.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { EventListing } from "@/lib/read/events";
import { sendJson, type JsonAnswer } from "@/app/admin/send-json";
import { formatDay, plural } from "@/lib/view/format";

type FieldErrors = Partial<Record<"day" | "label" | "url", string>>;


export default function EventList({ events }: { events: EventListing[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  async function send(method: "POST" | "DELETE", body: unknown): Promise<JsonAnswer | null> {
    setBusy(true);
    setStatus(null);
    setError(null);
    setFields({});
    try {
      return await sendJson("/api/events", method, body);
    } catch {
      setError("The server could not be reached; nothing was changed.");
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "");
    const response = await send("POST", { day: value("day"), label: value("label"), url: value("url") });
    if (!response) return;
    if (response.ok) {
      const added = response.data.event;
      setStatus(`Added “${added.label}” on ${formatDay(added.day)}.`);
      form.reset();
      router.refresh();
    } else {
      const refused: FieldErrors = response.data.fields ?? {};
      setFields(refused);
      setError(Object.keys(refused).length ? "Not added: correct the fields marked below. Nothing was stored." : response.data.error ?? `HTTP ${response.status}`);
    }
  }

  async function onRemove(e: EventListing) {
    if (!window.confirm(`Remove the event “${e.label}” on ${formatDay(e.day)}?`)) return;
    const response = await send("DELETE", { id: e.id });
    if (!response) return;
    if (response.ok) {
      setStatus(`Removed “${e.label}”.`);
      router.refresh();
    } else {
      setError(response.data.error ?? `HTTP ${response.status}`);
    }
  }

  const invalid = (name: keyof FieldErrors) => (fields[name] ? { "aria-invalid": true as const, "aria-describedby": `event-${name}-error` } : {});
  const fieldError = (name: keyof FieldErrors) =>
    fields[name] ? (
      <span id={`event-${name}-error`} className="field-error" data-testid={`event-${name}-error`}>
        {fields[name]}
      </span>
    ) : null;

  return (
    <section className="events" aria-labelledby="events-title">
      <h3 id="events-title">Events</h3>
      <p className="muted small">
        Dated events drawn as a labelled vertical line on every chart whose span holds their day, and listed on <a href="/methodology#events">the methodology page</a>.{" "}
        {plural(events.length, "event")} stored.
      </p>
      {status ? (
        <p className="notice notice-ok" role="status" data-testid="event-status">
          {status}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="event-error">
          {error}
        </p>
      ) : null}
      <form onSubmit={onAdd} className="event-form" aria-label="Add an event" noValidate>
        <div className="event-field">
          <label htmlFor="event-day">Day</label>
          <input id="event-day" type="text" name="day" placeholder="4 Jan 2026" size={12} maxLength={40} required {...invalid("day")} />
          {fieldError("day")}
        </div>
        <div className="event-field">
          <label htmlFor="event-label">Label</label>
          <input id="event-label" type="text" name="label" placeholder="Summit opens" maxLength={200} required {...invalid("label")} />
          {fieldError("label")}
        </div>
        <div className="event-field">
          <label htmlFor="event-url">Link (optional)</label>
          <input id="event-url" type="url" name="url" placeholder="https://…" maxLength={2000} {...invalid("url")} />
          {fieldError("url")}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          Add event
        </button>
      </form>
      {events.length > 0 ? (
        <div className="table-wrap">
          <table className="articles-table" data-testid="events">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Label</th>
                <th scope="col">Link</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-event={e.id}>
                  <td>
                    <time dateTime={e.day}>{formatDay(e.day)}</time>
                  </td>
                  <td>{e.label}</td>
                  <td>{e.url ? <a href={e.url} rel="noopener noreferrer" target="_blank"><code>{e.url}</code></a> : "—"}</td>
                  <td>
                    <button type="button" className="link-button" disabled={busy} onClick={() => void onRemove(e)} aria-label={`Remove the event ${e.label} on ${formatDay(e.day)}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
