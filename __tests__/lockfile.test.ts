// The install is reproducible: package-lock.json names every package any platform's
// install needs, so `npm install` on a fresh clone leaves it unchanged and `npm ci`
// accepts it on every platform; CI installs with `npm ci` alone.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

interface LockedPackage {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
}

const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockedPackage> };
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as LockedPackage;

/** Where Node (and npm) would find `dep` required from the package at `location`: the nearest node_modules up the tree. */
function resolve(location: string, dep: string): string | null {
  for (let base = location; ; ) {
    const candidate = `${base ? `${base}/` : ""}node_modules/${dep}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return null;
    const up = base.lastIndexOf("/node_modules/");
    base = up < 0 ? "" : base.slice(0, up);
  }
}

describe("package-lock.json", () => {
  it("is a v3 lock whose root entry matches package.json", () => {
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[""];
    expect(root.dependencies).toEqual(manifest.dependencies);
    expect(root.devDependencies).toEqual(manifest.devDependencies);
  });

  it("locks every dependency of every locked package, other platforms' optional ones included", () => {
    const missing: string[] = [];
    for (const [location, pkg] of Object.entries(lock.packages)) {
      const needed = [
        ...Object.keys(pkg.dependencies ?? {}),
        ...Object.keys(pkg.optionalDependencies ?? {}),
        ...Object.keys(pkg.peerDependencies ?? {}).filter((dep) => !pkg.peerDependenciesMeta?.[dep]?.optional),
        ...(location === "" ? Object.keys(pkg.devDependencies ?? {}) : []),
      ];
      for (const dep of needed) if (resolve(location, dep) === null) missing.push(`${location || "(root)"} → ${dep}`);
    }
    expect(missing).toEqual([]);
    // Two of the packages with a binary per platform that an install on Linux alone leaves out.
    expect(Object.keys(lock.packages)).toEqual(expect.arrayContaining(["node_modules/@next/swc-darwin-arm64", "node_modules/@next/swc-win32-x64-msvc"]));
  });
});

describe(".ci/run", () => {
  it("installs with npm ci and nothing else", () => {
    const commands = fs
      .readFileSync(path.join(ROOT, ".ci", "run"), "utf8")
      .split("\n")
      // Commands only: not comments, not the messages it logs.
      .map((line) => line.replace(/#.*$/, "").replace(/"[^"]*"|'[^']*'/g, "").trim())
      .filter(Boolean);
    expect(commands.filter((line) => /\bnpm ci\b/.test(line))).toHaveLength(1);
    expect(commands.filter((line) => /\bnpm (install|i)\b/.test(line))).toEqual([]);
  });
});
