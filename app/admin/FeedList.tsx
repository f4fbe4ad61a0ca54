"use client";
// The feeds `npm run watch` polls, each with its last poll, items ingested and last error, a
// button that removes it, and a field to add one.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { sendJson } from "@/app/admin/send-json";
import { plural } from "@/lib/view/format";

export interface FeedListing {
  id: number;
  url: string;
  title: string | null;
  lastPollAt: string | null;
  itemsIngested: number;
  lastError: string | null;
}

/** "2026-12-07 14:05 UTC": the same on the server's render and the browser's. */
function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export default function FeedList({ feeds }: { feeds: FeedListing[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(method: "POST" | "DELETE", body: object) {
    setBusy(true);
    setError(null);
    try {
      const { ok, status, data } = await sendJson("/api/feeds", method, body);
      if (ok) router.refresh();
      else setError(Object.values((data.fields ?? {}) as Record<string, string>)[0] ?? data.error ?? `HTTP ${status}`);
      return ok;
    } catch {
      setError("The server could not be reached.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const url = String(new FormData(form).get("url") ?? "").trim();
    if (url && (await send("POST", { url }))) form.reset();
  }

  return (
    <section className="feeds" aria-labelledby="feeds-title">
      <h3 id="feeds-title">Feeds</h3>
      <p className="muted small">
        {plural(feeds.length, "feed")}. <code>npm run watch</code> (and <code>npm start</code>, when a feed is stored) polls them and stores their new articles.
      </p>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="feed-error">
          {error}
        </p>
      ) : null}
      <form onSubmit={(e) => void onAdd(e)} className="feed-form">
        <label htmlFor="feed-url">Add a feed (RSS or Atom)</label>
        <input id="feed-url" name="url" type="url" maxLength={2000} placeholder="https://example.org/feed.xml" required />
        <button type="submit" className="button" disabled={busy}>
          Add
        </button>
      </form>
      {feeds.length > 0 ? (
        <div className="table-wrap">
          <table className="articles-table feeds-table" data-testid="feeds">
            <thead>
              <tr>
                <th scope="col">Feed</th>
                <th scope="col">Last poll</th>
                <th scope="col">Items ingested</th>
                <th scope="col">Last error</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {feeds.map((f) => (
                <tr key={f.id} data-feed={f.id}>
                  <td>
                    {f.title ? <div>{f.title}</div> : null}
                    <code>{f.url}</code>
                  </td>
                  <td>{f.lastPollAt ? formatInstant(f.lastPollAt) : "not yet"}</td>
                  <td>{f.itemsIngested}</td>
                  <td>{f.lastError ?? "—"}</td>
                  <td>
                    <button type="button" className="link-button" disabled={busy} onClick={() => void send("DELETE", { id: f.id })} aria-label={`Remove feed ${f.url}`}>
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
