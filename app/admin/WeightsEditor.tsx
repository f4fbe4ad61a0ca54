"use client";
// Weight editing with a live preview: every change re-scores the stored features on the
// server (no NLP) and draws the unsaved chart beside the saved one. Saving names the
// version the edit started from, so a save that raced another is refused and explained.
import { sendJson } from "@/app/admin/send-json";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { seriesColor } from "@/app/components/palette";
import type { ChartEvent } from "@/lib/core/events";
import SwingChart, { type ChartPointDetail, type ChartSeries } from "@/app/components/SwingChart";
import type { Resolution } from "@/lib/read/filters";
import { formatDay, formatScore, PERIODLY, plural } from "@/lib/view/format";
import { chartRows } from "@/lib/view/chart";
import type { HistoryEntry } from "@/lib/store/weight-sets";
import { diffWeights, type WeightChange } from "@/lib/score/weight-diff";
import type { Label, WeightSet } from "@/lib/core/types";

export interface RuleRow {
  id: string;
  name: string;
  explanation: string;
  cameo: string;
  defaultWeight: number;
  fires: number;
}

interface ActiveSet {
  version: number;
  weights: WeightSet;
  note: string;
  createdAt: string;
  createdBy: string;
}

interface Row {
  date: string;
  series: string;
  index: number;
  statements: number;
}

interface PreviewResult {
  rows: Row[];
  resolution: Resolution;
  saved: Row[];
  changed: Array<{ id: string; date: string | null; speaker: string | null; text: string; from: { score: number; label: Label }; to: { score: number; label: Label } }>;
  changedCount: number;
  statements: number;
  ms: number;
}

interface Conflict {
  message: string;
  currentVersion: number;
  changes: WeightChange[];
  current: { weights: WeightSet; note: string; createdBy: string; createdAt: string };
}

const SLIDER_LIMIT = 10;
const PREVIEW_DELAY_MS = 250;

function sameWeights(a: WeightSet, b: WeightSet): boolean {
  return diffWeights(a, b).length === 0;
}

function changeText(c: WeightChange): string {
  return `${c.key}: ${c.from ?? "—"} → ${c.to ?? "—"}`;
}

function chartOf(rows: Row[], resolution: Resolution) {
  const labels = [...new Set(rows.map((r) => r.series))];
  const series: ChartSeries[] = labels.map((label, i) => ({ key: label, label, color: seriesColor(i) }));
  const points = rows.map((r) => ({ date: r.date, series: r.series, speaker: null, speakerCountry: null, target: null, index: r.index, statements: r.statements, min: r.index, max: r.index }));
  const details: Record<string, ChartPointDetail> = {};
  for (const r of rows) details[`${r.series}|${r.date}`] = { index: r.index, statements: r.statements, quotes: [] };
  return { rows: chartRows(points, labels, resolution), series, details };
}

function WeightInput(props: { id: string; label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  const { id, label, value, min, max, step, onChange } = props;
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <div className="weight-input">
      <input
        type="range"
        aria-label={`${label} (slider)`}
        min={min}
        max={max}
        step={step}
        value={Math.max(min, Math.min(max, value))}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <input
        id={id}
        type="number"
        aria-label={label}
        step={step}
        min={-100}
        max={100}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          const n = Number(e.currentTarget.value);
          if (e.currentTarget.value.trim() !== "" && Number.isFinite(n) && n >= -100 && n <= 100) onChange(n);
        }}
      />
    </div>
  );
}

export default function WeightsEditor(props: { user: string; active: ActiveSet; defaults: WeightSet; rules: RuleRow[]; history: HistoryEntry[]; statements: number; events: ChartEvent[] }) {
  const { user, active, defaults, rules, history, statements } = props;
  const router = useRouter();
  const [weights, setWeights] = useState<WeightSet>(active.weights);
  const [baseVersion, setBaseVersion] = useState(active.version);
  const [note, setNote] = useState("");
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const request = useRef(0);

  // A newly saved or rolled-back version arrives through router.refresh().
  useEffect(() => {
    setWeights(active.weights);
    setBaseVersion(active.version);
  }, [active.version, active.weights]);

  useEffect(() => {
    const ticket = ++request.current;
    setPreviewing(true);
    const timer = setTimeout(async () => {
      const { status, data } = await sendJson("/api/weights/preview", "POST", { weights });
      if (ticket !== request.current) return;
      setPreviewing(false);
      if (status === 200) {
        setPreview(data as PreviewResult);
        setPreviewError(null);
      } else {
        setPreviewError(data?.fields ? Object.entries(data.fields).map(([k, v]) => `${k}: ${v}`).join("; ") : (data?.error ?? `HTTP ${status}`));
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [weights]);

  const edits = useMemo(() => diffWeights(active.weights, weights), [weights, active.weights]);
  const dirty = edits.length > 0;

  const setRule = (id: string, value: number) => setWeights((w) => ({ ...w, rules: { ...w.rules, [id]: value } }));

  async function save(overVersion?: number) {
    setSaving(true);
    setMessage(null);
    const { status, data } = await sendJson("/api/weights", "PUT", { weights, baseVersion: overVersion ?? baseVersion, note });
    setSaving(false);
    if (status === 200) {
      setConflict(null);
      setNote("");
      setMessage({ kind: "ok", text: `Saved as version ${data.version}; ${plural(data.rescored, "statement")} re-scored.` });
      router.refresh();
    } else if (status === 409) {
      setConflict(data as Conflict);
    } else if (status === 401) {
      setMessage({ kind: "error", text: "Your session has expired. Reload the page and log in again; your edits are lost on reload, so note them first." });
    } else {
      const fields = data?.fields ? ` (${Object.entries(data.fields).map(([k, v]) => `${k}: ${v}`).join("; ")})` : "";
      setMessage({ kind: "error", text: `${data?.error ?? `HTTP ${status}`}${fields}` });
    }
  }

  async function rollback(version: number) {
    setMessage(null);
    const { status, data } = await sendJson("/api/weights/rollback", "POST", { version, baseVersion: active.version });
    if (status === 200) {
      setMessage({ kind: "ok", text: `Version ${version} restored as version ${data.version}; ${plural(data.rescored, "statement")} re-scored.` });
      router.refresh();
    } else if (status === 409) {
      setMessage({ kind: "error", text: `Version ${data.currentVersion} was saved meanwhile; reload to see it before rolling back.` });
    } else {
      setMessage({ kind: "error", text: data?.error ?? `HTTP ${status}` });
    }
  }

  async function logout() {
    await fetch("/api/logout", { method: "POST" });
    window.location.reload();
  }

  const savedChart = preview ? chartOf(preview.saved, preview.resolution) : null;
  const previewChart = preview ? chartOf(preview.rows, preview.resolution) : null;
  const periodly = preview ? PERIODLY[preview.resolution] : "Daily";

  return (
    <div className="admin">
      <div className="admin-head">
        <h2>Scoring weights</h2>
        <p className="muted small">
          Logged in as {user} ·{" "}
          <button type="button" className="link-button" onClick={logout}>
            Log out
          </button>
        </p>
      </div>

      <div className="save-bar" aria-label="Save">
        <p className="save-status" data-testid="save-status">
          Active: <strong>version {active.version}</strong> ({formatDay(active.createdAt.slice(0, 10))}, {active.createdBy}
          {active.note ? `: ${active.note}` : ""}) · {dirty ? <strong>{plural(edits.length, "unsaved change")}</strong> : "no unsaved changes"}
        </p>
        <label className="note-field">
          <span className="visually-hidden">Note for this version</span>
          <input type="text" placeholder="What changed and why (optional)" value={note} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="button" className="button primary" disabled={!dirty || saving} onClick={() => save()}>
          {saving ? "Saving…" : "Save new version"}
        </button>
        <button type="button" className="button" disabled={!dirty} onClick={() => setWeights(active.weights)}>
          Discard changes
        </button>
        <button type="button" className="button" disabled={sameWeights(weights, defaults)} onClick={() => setWeights(defaults)}>
          Reset all to defaults
        </button>
      </div>
      {message ? (
        <p className={`notice ${message.kind === "error" ? "notice-error" : "notice-ok"}`} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      {conflict ? (
        <div className="notice notice-error" role="alert" data-testid="conflict">
          <p>
            <strong>Not saved:</strong> {conflict.current.createdBy} saved version {conflict.currentVersion} ({conflict.current.note || "no note"}) after you
            started editing version {baseVersion}. It changed:
          </p>
          <ul>
            {conflict.changes.length ? conflict.changes.map((c) => <li key={c.key}>{changeText(c)}</li>) : <li>nothing in the weights (only its note)</li>}
          </ul>
          <p>Your edits are still here. Save them over version {conflict.currentVersion}, or discard them and start from it.</p>
          <div className="conflict-actions">
            <button type="button" className="button primary" onClick={() => save(conflict.currentVersion)}>
              Save my edits over version {conflict.currentVersion}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConflict(null);
                router.refresh();
              }}
            >
              Discard mine, load version {conflict.currentVersion}
            </button>
          </div>
        </div>
      ) : null}

      <section className="preview" aria-labelledby="preview-title" aria-busy={previewing}>
        <h3 id="preview-title">Preview</h3>
        <p className="muted small" data-testid="preview-status">
          {previewError
            ? `Preview unavailable: ${previewError}`
            : preview
              ? `${plural(preview.statements, "stored statement")} re-scored from stored features in ${preview.ms} ms${previewing ? " · updating…" : ""}`
              : "Computing…"}
        </p>
        <div className="preview-charts">
          <figure data-testid="saved-chart">
            <figcaption>Saved (version {active.version})</figcaption>
            {savedChart && savedChart.series.length ? (
              <SwingChart {...savedChart} resolution={preview?.resolution} annotations={[]} events={props.events} thresholds={active.weights.thresholds} title="Saved weights" description={`${periodly} index under saved version ${active.version}`} />
            ) : (
              <p className="muted">No dated statements.</p>
            )}
          </figure>
          <figure data-testid="preview-chart">
            <figcaption>{dirty ? "Unsaved weights" : "Unsaved weights (same as saved)"}</figcaption>
            {previewChart && previewChart.series.length ? (
              <SwingChart {...previewChart} resolution={preview?.resolution} annotations={[]} events={props.events} thresholds={weights.thresholds} title="Unsaved weights" description={`${periodly} index under the weights being edited`} />
            ) : (
              <p className="muted">No dated statements.</p>
            )}
          </figure>
        </div>
        {preview ? (
          <details className="changed" open={preview.changedCount > 0 && preview.changedCount <= 20}>
            <summary data-testid="changed-summary">
              {preview.changedCount === 0 ? "No statement would change label" : `${plural(preview.changedCount, "statement")} would change label`}
            </summary>
            {preview.changedCount > 0 ? (
              <table className="changed-table">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Speaker</th>
                    <th scope="col">Statement</th>
                    <th scope="col">Now</th>
                    <th scope="col">Would be</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changed.map((c) => (
                    <tr key={c.id}>
                      <td>{c.date ? formatDay(c.date) : "—"}</td>
                      <td>{c.speaker ?? "—"}</td>
                      <td>
                        <q>{c.text}</q>
                      </td>
                      <td>
                        <span className={`label label-${c.from.label}`}>{c.from.label}</span> {formatScore(c.from.score)}
                      </td>
                      <td>
                        <span className={`label label-${c.to.label}`}>{c.to.label}</span> {formatScore(c.to.score)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {preview.changedCount > preview.changed.length ? <p className="muted small">First {preview.changed.length} shown.</p> : null}
          </details>
        ) : null}
      </section>

      <section aria-labelledby="weights-title">
        <h3 id="weights-title">Weights</h3>
        <p className="muted small">
          A statement&rsquo;s score is the lexicon sentiment × the lexicon weight (a tenth of it when a rule contributes) plus, for each rule that fires, its value × the rule&rsquo;s weight, capped to ±10.
          Default rule weights are the Goldstein scale values of the rule&rsquo;s CAMEO code. {plural(statements, "statement")} stored.
        </p>
        <div className="table-wrap">
          <table className="weights-table">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">CAMEO</th>
                <th scope="col" className="num">
                  Default
                </th>
                <th scope="col" className="num">
                  Saved
                </th>
                <th scope="col" className="num">
                  Fires on
                </th>
                <th scope="col">Weight</th>
                <th scope="col">
                  <span className="visually-hidden">Reset</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">
                  <span className="feature-name">Word sentiment (lexicon)</span>
                  <span className="feature-why">the more hostile of wink-nlp's and VADER's sentiment of the statement, spread over −1 … +1; a tenth of the weight applies when a rule contributes.</span>
                </th>
                <td>—</td>
                <td className="num">{defaults.lexicon}</td>
                <td className="num">{active.weights.lexicon}</td>
                <td className="num">all</td>
                <td>
                  <WeightInput id="w-lexicon" label="Lexicon weight" value={weights.lexicon} min={0} max={SLIDER_LIMIT} step={0.1} onChange={(v) => setWeights((w) => ({ ...w, lexicon: v }))} />
                </td>
                <td>
                  <button type="button" className="button small" disabled={weights.lexicon === defaults.lexicon} onClick={() => setWeights((w) => ({ ...w, lexicon: defaults.lexicon }))}>
                    Reset
                  </button>
                </td>
              </tr>
              {(["hostile", "conciliatory"] as const).map((side) => (
                <tr key={side}>
                  <th scope="row">
                    <span className="feature-name">{side === "hostile" ? "Hostile threshold" : "Conciliatory threshold"}</span>
                    <span className="feature-why">{side === "hostile" ? "Scores at or below this are labelled hostile." : "Scores at or above this are labelled conciliatory."}</span>
                  </th>
                  <td>—</td>
                  <td className="num">{defaults.thresholds[side]}</td>
                  <td className="num">{active.weights.thresholds[side]}</td>
                  <td className="num">—</td>
                  <td>
                    <WeightInput
                      id={`w-threshold-${side}`}
                      label={`${side} threshold`}
                      value={weights.thresholds[side]}
                      min={side === "hostile" ? -SLIDER_LIMIT : 0}
                      max={side === "hostile" ? 0 : SLIDER_LIMIT}
                      step={0.1}
                      onChange={(v) => setWeights((w) => ({ ...w, thresholds: { ...w.thresholds, [side]: v } }))}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      disabled={weights.thresholds[side] === defaults.thresholds[side]}
                      onClick={() => setWeights((w) => ({ ...w, thresholds: { ...w.thresholds, [side]: defaults.thresholds[side] } }))}
                    >
                      Reset
                    </button>
                  </td>
                </tr>
              ))}
              {rules.map((r) => {
                const value = weights.rules[r.id];
                return (
                  <tr key={r.id} data-rule={r.id} className={value !== active.weights.rules[r.id] ? "edited" : undefined}>
                    <th scope="row">
                      <span className="feature-name">{r.name}</span> <code className="rule-id">{r.id}</code>
                      <span className="feature-why">{r.explanation}</span>
                    </th>
                    <td>{r.cameo}</td>
                    <td className="num">{r.defaultWeight}</td>
                    <td className="num">{active.weights.rules[r.id]}</td>
                    <td className="num">{r.fires}</td>
                    <td>
                      <WeightInput id={`w-rule-${r.id}`} label={`Weight of ${r.name}`} value={value} min={-SLIDER_LIMIT} max={SLIDER_LIMIT} step={0.1} onChange={(v) => setRule(r.id, v)} />
                    </td>
                    <td>
                      <button type="button" className="button small" disabled={value === r.defaultWeight} onClick={() => setRule(r.id, r.defaultWeight)}>
                        Reset
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="history-title">
        <h3 id="history-title">History</h3>
        <ol className="history" data-testid="history">
          {history.map((h) => (
            <li key={h.version} className={h.active ? "active" : undefined}>
              <p>
                <strong>Version {h.version}</strong>
                {h.active ? <span className="label label-conciliatory">active</span> : null} · {formatDay(h.createdAt.slice(0, 10))} {h.createdAt.slice(11, 16)} UTC · {h.createdBy}
                {h.note ? ` · ${h.note}` : ""}
              </p>
              {h.changes.length ? (
                <ul className="history-changes">
                  {h.changes.map((c) => (
                    <li key={c.key}>
                      <code>{c.key}</code> {c.from ?? "—"} → {c.to ?? "—"}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">{h.version === history[history.length - 1]?.version ? "initial weights" : "no weight changes"}</p>
              )}
              {!h.active ? (
                <button type="button" className="button small" onClick={() => rollback(h.version)}>
                  Roll back to version {h.version}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
