// Home page: until the dashboard lands, a plain table of the stored statements.
// Rendered on the server for every request straight from the store (no client fetch).
import { getPrisma } from "@/lib/db";
import { listStatements, storeCounts, type StoredStatement } from "@/lib/store";

export const dynamic = "force-dynamic";

const LIMIT = 500;

function formatScore(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return rounded > 0 ? `+${rounded.toFixed(1)}` : rounded.toFixed(1);
}

function formatDate(s: StoredStatement): string {
  if (s.date) return s.date;
  if (s.dateRange) return s.dateRange.from === s.dateRange.to ? s.dateRange.from : `${s.dateRange.from} – ${s.dateRange.to}`;
  return "unknown";
}

async function load(): Promise<{ statements: StoredStatement[]; counts: { articles: number; statements: number; sources: number } } | { error: string }> {
  try {
    const prisma = getPrisma();
    const [statements, counts] = await Promise.all([listStatements(prisma, { limit: LIMIT }), storeCounts(prisma)]);
    return { statements, counts };
  } catch (e) {
    console.error("home page: cannot read the store", e);
    return { error: "The store cannot be read. Run `npm run db:migrate` (or `npm start`) and try again." };
  }
}

export default async function Home() {
  const data = await load();
  if ("error" in data) {
    return <p className="notice notice-error">{data.error}</p>;
  }
  const { statements, counts } = data;
  if (statements.length === 0) {
    return (
      <p className="notice">
        No statements stored yet. Add articles with <code>npm run ingest -- &lt;file|dir&gt;</code> or load the bundled ones with{" "}
        <code>npm run seed</code>.
      </p>
    );
  }
  return (
    <section>
      <p className="summary">
        {counts.statements} statement{counts.statements === 1 ? "" : "s"} from {counts.articles} article{counts.articles === 1 ? "" : "s"}
        {counts.statements > statements.length ? ` (newest ${statements.length} shown)` : ""}
      </p>
      <div className="table-wrap">
        <table className="statements">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Speaker → target</th>
              <th scope="col">Statement</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">Label</th>
              <th scope="col" className="num">
                Sources
              </th>
            </tr>
          </thead>
          <tbody>
            {statements.map((s) => (
              <tr key={s.id}>
                <td className="date">{formatDate(s)}</td>
                <td className="who">
                  {s.speaker ?? <span className="muted">unknown</span>}
                  {s.target ? <span className="muted"> → {s.target}</span> : null}
                </td>
                <td className="quote">
                  <q>{s.text}</q>
                </td>
                <td className="num score">{formatScore(s.score)}</td>
                <td>
                  <span className={`label label-${s.label}`}>{s.label}</span>
                </td>
                <td className="num" title={s.sources.map((src) => src.path).join("\n")}>
                  {s.sources.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
