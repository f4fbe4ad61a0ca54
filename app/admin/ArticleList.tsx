"use client";
// The stored articles, newest first, each with a button that removes it (as `npm run remove`
// does), and a field to remove any article by its id or path.
import { sendJson } from "@/app/admin/send-json";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ArticleListing } from "@/lib/read/articles";
import { formatDay, plural } from "@/lib/view/format";

interface Removal {
  article: { id: number; path: string; title: string };
  sources: number;
  statements: { removed: number; updated: number };
}

export default function ArticleList({ articles, total }: { articles: ArticleListing[]; total: number }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Removal | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(article: number | string, label: string) {
    if (!window.confirm(`Remove ${label}? Its reports go, statements only it reported go, and statements it shared are re-dated and re-scored by their other reports.`)) return;
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const { ok, status, data } = await sendJson("/api/articles/remove", "POST", { article });
      if (ok) {
        setResult(data as Removal);
        router.refresh();
      } else {
        setError(data.error ?? `HTTP ${status}`);
      }
    } catch {
      setError("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("article") ?? "").trim();
    if (value) void remove(value, `the article ${value}`);
  }

  return (
    <section className="articles" aria-labelledby="articles-title">
      <h3 id="articles-title">Stored articles</h3>
      <p className="muted small">
        {plural(total, "article")} stored{total > articles.length ? `; the ${articles.length} added last` : ""}. Removing one is one transaction, like <code>npm run remove</code>.
      </p>
      {result ? (
        <p className="notice notice-ok" role="status" data-testid="remove-result">
          Removed {result.article.path} and its {plural(result.sources, "report")}: {plural(result.statements.removed, "statement")} only it reported removed,{" "}
          {plural(result.statements.updated, "shared statement")} re-dated and re-scored by {result.statements.updated === 1 ? "its" : "their"} other reports.
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="remove-error">
          {error}
        </p>
      ) : null}
      <form onSubmit={onSubmit} className="remove-form">
        <label htmlFor="remove-article">Remove an article by id or path</label>
        <input id="remove-article" name="article" type="text" maxLength={1000} placeholder="12 or seeds/article.txt" />
        <button type="submit" className="button" disabled={busy}>
          Remove
        </button>
      </form>
      {articles.length > 0 ? (
        <div className="table-wrap">
          <table className="articles-table" data-testid="articles">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Title</th>
                <th scope="col">Path</th>
                <th scope="col">Published</th>
                <th scope="col">Reports</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {articles.map((a) => (
                <tr key={a.id} data-article={a.id}>
                  <td>{a.id}</td>
                  <td>{a.title}</td>
                  <td>
                    <code>{a.path}</code>
                  </td>
                  <td>{a.published ? formatDay(a.published) : "—"}</td>
                  <td>{a.reports}</td>
                  <td>
                    <button type="button" className="link-button" disabled={busy} onClick={() => void remove(a.id, `article ${a.id} (${a.path})`)} aria-label={`Remove article ${a.id}, ${a.title}`}>
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
