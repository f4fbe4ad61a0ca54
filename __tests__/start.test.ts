// What `npm start` does before serving: it rebuilds only when the build's sources changed since
// the last successful build, and migrating prints no warning that reads like a misconfiguration.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent, sourceStamp, STAMP_FILE, writeStamp } from "../lib/server/build-stamp";

let root: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "stamp-"));
  write("app/page.tsx", "export default 1;\n");
  write("lib/view/a.ts", "export const a = 1;\n");
  write("package-lock.json", "{}\n");
  write("next.config.js", "module.exports = {};\n");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

test("the stamp changes with a source's content, a new file or a renamed one, and with nothing else", () => {
  const first = sourceStamp(root);
  expect(sourceStamp(root)).toBe(first);
  write("lib/generated/prisma/client.ts", "generated\n");
  write("data/tension.db", "store\n");
  write(".next/BUILD_ID", "x\n");
  expect(sourceStamp(root)).toBe(first);

  write("lib/view/a.ts", "export const a = 2;\n");
  const edited = sourceStamp(root);
  expect(edited).not.toBe(first);
  write("lib/view/b.ts", "");
  const added = sourceStamp(root);
  expect(added).not.toBe(edited);
  fs.renameSync(path.join(root, "lib/view/b.ts"), path.join(root, "lib/view/c.ts"));
  expect(sourceStamp(root)).not.toBe(added);
  write("package-lock.json", '{"lockfileVersion":3}\n');
  expect(sourceStamp(root)).not.toBe(added);
});

test("a build is current only when it exists and carries the stamp of the sources", () => {
  const stamp = sourceStamp(root);
  expect(buildIsCurrent(root, ".next", stamp)).toBe(false);
  write(".next/BUILD_ID", "abc\n");
  // A build without a stamp (made by `next build` alone, or one that failed) is not trusted.
  expect(buildIsCurrent(root, ".next", stamp)).toBe(false);
  writeStamp(root, ".next", stamp);
  expect(fs.readFileSync(path.join(root, ".next", STAMP_FILE), "utf8")).toBe(`${stamp}\n`);
  expect(buildIsCurrent(root, ".next", stamp)).toBe(true);
  write("app/page.tsx", "export default 2;\n");
  expect(buildIsCurrent(root, ".next", sourceStamp(root))).toBe(false);
  expect(buildIsCurrent(root, ".next-e2e", stamp)).toBe(false);
});

test("prisma migrate deploy neither warns that the schema's url is unused nor names a database it does not use", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-"));
  try {
    const cli = path.join(__dirname, "..", "node_modules", "prisma", "build", "index.js");
    const run = spawnSync(process.execPath, [cli, "migrate", "deploy"], {
      cwd: path.join(__dirname, ".."),
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "store.db")}` },
      encoding: "utf8",
      timeout: 120_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, output }).toMatchObject({ status: 0 });
    expect(output).toMatch(/migrations found/);
    expect(output).not.toMatch(/WARNING|will NOT be used|tension\.db/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
