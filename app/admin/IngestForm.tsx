"use client";
// Paste an article, upload files or give a page's address; the server applies the same checks as
// `npm run ingest`, and fetches an address within its limits (never from this machine or a
// private network unless ALLOW_PRIVATE_FETCH is set).
// The server analyzes within a time and memory limit; cancelling the request stops it there
// too, and either way nothing is stored.
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import type { UploadLimits } from "@/lib/store/upload-limits";
import { formatRejection, plural } from "@/lib/view/format";

interface IngestResult {
  articles: { new: number; skipped: number; rejected: number };
  statements: { new: number; merged: number };
  rejected: Array<{ path: string; reason: string }>;
}

export default function IngestForm({ limits }: { limits: UploadLimits }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const request = useRef<AbortController | null>(null);
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<{ text: string; rejected: IngestResult["rejected"] } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setResult(null);
    setError(null);
    const controller = new AbortController();
    request.current = controller;
    try {
      const response = await fetch("/api/articles", { method: "POST", body: new FormData(form), signal: controller.signal });
      const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
      if (response.ok) {
        setResult(data as IngestResult);
        form.reset();
        router.refresh();
      } else {
        const fields = data.fields ? ` (${Object.entries(data.fields).map(([k, v]) => `${k}: ${v}`).join("; ")})` : "";
        setError({ text: `${data.error ?? `HTTP ${response.status}`}${fields}`, rejected: data.rejected ?? [] });
      }
    } catch {
      setError({
        text: controller.signal.aborted ? "Cancelled: the server stopped analyzing, and nothing was stored." : "The server could not be reached.",
        rejected: [],
      });
    } finally {
      request.current = null;
      setBusy(false);
    }
  }

  return (
    <section className="ingest" aria-labelledby="ingest-title">
      <h3 id="ingest-title">Add articles</h3>
      <p className="muted small">
        Plain text or Markdown with optional front matter (title, date, source, url), or a saved web page or its address, whose article is read with its headline,
        date and outlet; UTF-8, up to 5 MB each — the same rules as <code>npm run ingest</code>. New
        statements appear on the dashboard at once, scored with the active weights. Analysis stops after {Number((limits.timeMs / 1000).toFixed(3))} s or{" "}
        {limits.heapMb} MB of memory, and nothing is stored then.
      </p>
      <form onSubmit={onSubmit} className="ingest-form">
        <label htmlFor="ingest-text">Paste an article</label>
        <textarea id="ingest-text" name="text" rows={8} placeholder="Headline&#10;&#10;CITY, Month Day (Agency) — …" />
        <label htmlFor="ingest-url">Add by URL</label>
        <input id="ingest-url" type="text" inputMode="url" name="url" placeholder="https://… (several separated by spaces)" className="ingest-url" />
        <div className="ingest-row">
          <label>
            File name <input type="text" name="name" placeholder="article.txt" maxLength={200} />
          </label>
          <label>
            …or upload files <input type="file" name="files" multiple accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html" />
          </label>
          <label>
            Publication date if the text has none <input type="text" name="date" inputMode="text" autoComplete="off" placeholder="4 Jan 2026" title="A day such as 4 Jan 2026" size={11} />
          </label>
        </div>
        <div className="ingest-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? "Ingesting…" : "Ingest"}
          </button>
          {busy ? (
            <button type="button" className="button" onClick={() => request.current?.abort()}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
      {result ? (
        <div className="notice notice-ok" role="status" data-testid="ingest-result">
          <p>
            {plural(result.articles.new, "new article")}, {result.articles.skipped} already stored; {plural(result.statements.new, "new statement")},{" "}
            {result.statements.merged} merged into stored ones.
          </p>
          {result.rejected.length ? (
            <ul>
              {result.rejected.map((r) => (
                <li key={r.path}>Rejected {formatRejection(r)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <div className="notice notice-error" role="alert" data-testid="ingest-error">
          <p>{error.text}</p>
          {error.rejected.length > 1 ? (
            <ul>
              {error.rejected.map((r) => (
                <li key={r.path}>{formatRejection(r)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
