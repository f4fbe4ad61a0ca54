// The data flow is a rule, not a habit: lib/ folders import only from folders before them
// (.dependency-cruiser.cjs), with no cycles.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = path.join(ROOT, "node_modules", ".bin", "depcruise");

function cruise(cwd: string, paths: string[]) {
  const run = spawnSync(DEPCRUISE, [...paths, "--config", CONFIG, "--output-type", "err"], { cwd, encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test("lib/, the app and the scripts import along the flow, without cycles", () => {
  const { status, output } = cruise(ROOT, ["lib", "app", "scripts"]);
  expect({ status, output }).toMatchObject({ status: 0 });
});

test("an import against the flow, or a cycle, is caught", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flow-"));
  try {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write("tsconfig.json", JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler" } }));
    write("lib/core/days.ts", 'import { chart } from "../view/chart";\nexport const day = chart;\n');
    write("lib/view/chart.ts", 'import { day } from "../core/days";\nexport const chart = 1;\nexport const again = day;\n');
    const { status, output } = cruise(dir, ["lib"]);
    expect(status).not.toBe(0);
    expect(output).toContain("core-imports-only-earlier-layers");
    expect(output).toContain("no-cycles");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
