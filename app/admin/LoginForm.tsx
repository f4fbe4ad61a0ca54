"use client";
// The admin login: posts the password as JSON and reloads, so that the server renders
// the admin page with the new session cookie (which page scripts cannot read).
import { useId, useRef, useState, type FormEvent } from "react";
import "./admin.css";

function failureMessage(status: number, body: { error?: string; fields?: Record<string, string> }): string {
  if (status === 401) return "Wrong password.";
  if (status === 422 && body.fields?.password) return `Password: ${body.fields.password}.`;
  return body.error ? `${body.error[0].toUpperCase()}${body.error.slice(1)}.` : `Login failed (HTTP ${status}).`;
}

export default function LoginForm() {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ password }),
      });
      if (response.ok) {
        window.location.reload();
        return; // stay busy until the page is replaced
      }
      setError(failureMessage(response.status, await response.json().catch(() => ({}))));
    } catch {
      setError("The server could not be reached. Try again.");
    }
    setBusy(false);
    input.current?.select();
  }

  return (
    // method="post" so that a submit before hydration never puts the password in the URL.
    <form className="login-form" method="post" onSubmit={submit} aria-busy={busy}>
      {/* Lets password managers file the password under the one admin user. */}
      <input type="text" name="username" autoComplete="username" value="admin" readOnly hidden />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        ref={input}
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? "Logging in…" : "Log in"}
      </button>
      <div role="alert" id={`${id}-error`}>
        {error && <p className="notice notice-error login-error">{error}</p>}
      </div>
    </form>
  );
}
