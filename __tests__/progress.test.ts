// Progress of `npm run ingest` and `npm run reanalyze` (scripts/progress.ts): a cli-progress bar
// on a terminal, plain lines (the first, one every LINE_EVERY_MS, the last) anywhere else.
import { LINE_EVERY_MS, progressReporter, type ProgressStream } from "../scripts/progress";

function stream(isTTY: boolean): ProgressStream & { text: string } {
  const s = {
    isTTY,
    columns: 120,
    text: "",
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s;
}

test("off a terminal: plain lines for the first update, then at most one every LINE_EVERY_MS, and the last", () => {
  const out = stream(false);
  const progress = progressReporter(out, "article");
  const at = [0, 100, LINE_EVERY_MS - 1, LINE_EVERY_MS, LINE_EVERY_MS + 10, LINE_EVERY_MS + 20];
  at.forEach((elapsedMs, k) => progress.update({ done: k + 1, total: at.length, statements: 3 * (k + 1), elapsedMs }));
  progress.stop();
  const lines = out.text.split("\n").filter(Boolean);
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe("1/6 articles (16 %), 3 statements, 0.0 articles/s, time left unknown");
  expect(lines[1]).toMatch(/^4\/6 articles \(66 %\), 12 statements, 2\.0 articles\/s, about 1 s left$/);
  expect(lines[2]).toMatch(/^6\/6 articles \(100 %\), 18 statements, 3\.0 articles\/s$/);
  expect(out.text).not.toMatch(/\x1b/);
});

test("on a terminal: a bar with the articles done, the statements, the rate and the time left", () => {
  const out = stream(true);
  const progress = progressReporter(out, "article");
  progress.update({ done: 1, total: 4, statements: 1, elapsedMs: 500 });
  progress.update({ done: 4, total: 4, statements: 9, elapsedMs: 2000 });
  progress.stop();
  const shown = out.text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  expect(shown).toMatch(/█+ 4\/4 articles \| 9 statements \| 2\.0 articles\/s \| ETA 0s/);
  expect(out.text).toMatch(/\x1b\[\?25l/); // the cursor hidden while the bar runs…
  expect(out.text).toMatch(/\x1b\[\?25h/); // …and shown again
});
