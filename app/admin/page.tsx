// /admin: tune the scoring weights with a live preview, save versions, roll back, ingest
// articles and remove them, add and remove dated events, list the feeds the watcher polls.
// Logged-out visitors get the login form and nothing else.
import ArticleList from "@/app/admin/ArticleList";
import EventList from "@/app/admin/EventList";
import FeedList from "@/app/admin/FeedList";
import IngestForm from "@/app/admin/IngestForm";
import LoginForm from "@/app/admin/LoginForm";
import WeightsEditor, { type RuleRow } from "@/app/admin/WeightsEditor";
import { currentUser } from "@/lib/server/auth";
import { getPrisma } from "@/lib/store/client";
import { recentArticles } from "@/lib/read/articles";
import { chartEvents, listEvents } from "@/lib/read/events";
import { ruleFireCounts } from "@/lib/read/rule-counts";
import { defaultWeights } from "@/lib/score";
import { SCORED_RULES } from "@/lib/core/rules";
import { countStaleArticles } from "@/lib/store/analysis-versions";
import { listFeeds } from "@/lib/store/feeds";
import { storeCounts } from "@/lib/store/statements";
import { uploadLimits } from "@/lib/store/upload-limits";
import { getActiveWeights, weightHistory } from "@/lib/store/weight-sets";
import { staleAnalysisNotice } from "@/lib/view/format";
import "./editor.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Admin · Tension Index" };

export default async function AdminPage() {
  const user = await currentUser();
  if (!user) {
    return (
      <section className="admin-login">
        <h2>Admin</h2>
        <p className="muted">Log in to tune the scoring weights and add articles.</p>
        <LoginForm />
      </section>
    );
  }
  const db = getPrisma();
  const [active, counts, history, store, articles, stale, events, feeds] = await Promise.all([
    getActiveWeights(db),
    ruleFireCounts(db),
    weightHistory(db),
    storeCounts(db),
    recentArticles(db),
    countStaleArticles(db),
    listEvents(db),
    listFeeds(db),
  ]);
  const reanalysis = staleAnalysisNotice(stale);
  const defaults = defaultWeights();
  const rules: RuleRow[] = SCORED_RULES.map((rule) => ({
    id: rule.id,
    name: rule.name,
    explanation: rule.explanation,
    cameo: rule.cameo,
    defaultWeight: defaults.rules[rule.id],
    fires: counts[rule.id] ?? 0,
  }));
  return (
    <>
      {reanalysis && (
        <p className="notice" role="status" data-testid="stale-analysis">
          {reanalysis}
        </p>
      )}
      <WeightsEditor
        user={user}
        active={{ version: active.version, weights: active.weights, note: active.note, createdAt: active.createdAt.toISOString(), createdBy: active.createdBy }}
        defaults={defaults}
        rules={rules}
        history={history}
        statements={store.statements}
        events={chartEvents(events)}
      />
      <IngestForm limits={uploadLimits()} />
      <ArticleList articles={articles.articles} total={articles.total} />
      <EventList events={events} />
      <FeedList feeds={feeds.map((f) => ({ id: f.id, url: f.url, title: f.title, lastPollAt: f.lastPollAt?.toISOString() ?? null, itemsIngested: f.itemsIngested, lastError: f.lastError }))} />
    </>
  );
}
