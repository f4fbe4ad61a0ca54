// npx tsx scripts/bench/hostile.ts [--sizes 10k,100k,1m,5m] [--shapes "one line,nested quotes"] [--files 1] [--timeout 300]
//
// --files N: a batch of N files of each size instead of one (for "many speakers", each naming
// other officials; files of the other shapes are all alike, and a batch keeps one).
// Times analyzeBatch (parsing included) and scoring on each hostile shape (scripts/bench/hostile-inputs.ts) at each size, one
// child process per case so that a case past --timeout seconds is stopped and the rest still run.
// A case's time excludes loading the language model; its line also shows how many statements came
// out and the longest text, context and source quote among them.
import { spawnSync } from "node:child_process";
import { analyzeBatch } from "../../lib/ingest/batch";
import { defaultWeights, scoreStatements } from "../../lib/score";
import { HOSTILE_SHAPES, hostileInput, type HostileShape } from "./hostile-inputs";

const UNITS: Record<string, number> = { "": 1, k: 1024, m: 1024 * 1024 };

function parseSize(text: string): number {
  const match = /^(\d+)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`bad size ${text} (e.g. 10k, 1m)`);
  return Number(match[1]) * UNITS[match[2].toLowerCase()];
}

interface CaseResult {
  seconds: number;
  statements: number;
  longestText: number;
  longestContext: number;
  longestQuote: number;
  sources: number;
}

function runCase(shape: HostileShape, bytes: number, files: number): CaseResult {
  analyzeBatch([{ path: "warm-up.txt", bytes: hostileInput("one line", 4096) }]);
  const inputs = Array.from({ length: files }, (_, i) => ({ path: `${shape}-${i}.txt`, bytes: hostileInput(shape, bytes, i) }));
  const start = performance.now();
  const { statements } = analyzeBatch(inputs);
  scoreStatements(statements, defaultWeights());
  const seconds = (performance.now() - start) / 1000;
  const longest = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);
  return {
    seconds,
    statements: statements.length,
    longestText: longest(statements.map((s) => s.text.length)),
    longestContext: longest(statements.map((s) => s.context.length)),
    longestQuote: longest(statements.flatMap((s) => s.sources.map((source) => Math.max(source.quote.length, source.context.length)))),
    sources: statements.reduce((n, s) => n + s.sources.length, 0),
  };
}

function main(argv: string[]): void {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const files = Number(option("--files") ?? 1);
  const one = option("--one");
  if (one) {
    process.stdout.write(JSON.stringify(runCase(one as HostileShape, parseSize(option("--bytes")!), files)));
    return;
  }
  const sizes = (option("--sizes") ?? "10k,100k,1m,5m").split(",").map(parseSize);
  const shapes = (option("--shapes")?.split(",") ?? [...HOSTILE_SHAPES]) as HostileShape[];
  for (const shape of shapes) if (!HOSTILE_SHAPES.includes(shape)) throw new Error(`unknown shape ${shape} (${HOSTILE_SHAPES.join(", ")})`);
  const timeout = Number(option("--timeout") ?? 300);
  console.log(["shape", files > 1 ? `bytes (each of ${files} files)` : "bytes", "seconds", "statements", "sources", "longest text/context/source"].join("\t"));
  for (const shape of shapes) {
    for (const bytes of sizes) {
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, "--one", shape, "--bytes", String(bytes), "--files", String(files)], {
        encoding: "utf8",
        timeout: timeout * 1000,
        maxBuffer: 1 << 20,
      });
      let cells: string[];
      if (child.error || child.status !== 0) {
        const why = child.signal ? `> ${timeout} (stopped)` : `failed: ${(child.stderr || String(child.error)).trim().split("\n").slice(-3).join(" ")}`;
        cells = [why];
      } else {
        const r = JSON.parse(child.stdout) as CaseResult;
        cells = [r.seconds.toFixed(2), String(r.statements), String(r.sources), `${r.longestText}/${r.longestContext}/${r.longestQuote}`];
      }
      console.log([shape, bytes, ...cells].join("\t"));
    }
  }
}

main(process.argv.slice(2));
