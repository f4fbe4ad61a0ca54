// npm run fit-weights — fits the default weights to the dev split's gold labels (as multiples of
// their anchors) and prints how well the fit carries to episodes it was not fitted on.
import { readSplit } from "./corpus";
import { fitReport, type FitRow } from "./fit";
import { evaluateEpisode } from "./run";
import { defaultWeights } from "../../lib/score";
import { runCli } from "../cli";

runCli(() => {
  const rows: FitRow[] = readSplit("dev").flatMap((episode) =>
    evaluateEpisode(episode).rows.flatMap((row) => (row.statement ? [{ episode: episode.name, features: row.statement.features, label: row.gold.label }] : [])),
  );
  const report = fitReport(rows, defaultWeights());
  const share = (n: number) => `${n}/${report.rows} (${Math.round((100 * n) / report.rows)} %)`;
  process.stdout.write(
    [
      `dev split, ${report.rows} found statements, label right with:`,
      `  the anchors (lexicon 10, rules at their Goldstein value)  ${share(report.anchors)}`,
      `  weights fitted without the statement's episode            ${share(report.crossValidated)}`,
      `  weights fitted on all of dev (optimistic)                 ${share(report.inSample)}`,
      `fitted multiples of the anchors: ${JSON.stringify(report.multipliers)}`,
      report.crossValidated > report.anchors ? "the fit carries to unseen episodes" : "the fit does not carry to unseen episodes: the anchors stay the defaults",
      "",
    ].join("\n"),
  );
  return 0;
});
