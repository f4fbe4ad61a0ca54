// Whether `next build` must run again: a stamp of the build's sources (every file's path and
// bytes under the folders the build reads, and the files that configure it) is written next to
// the build after it succeeds, and `npm start` rebuilds only when the stamp it computes differs.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** What the build reads, relative to the project's root; a missing one is simply left out. */
export const BUILD_INPUTS = ["app", "lib", "types", "proxy.ts", "next.config.js", "tsconfig.json", "package.json", "package-lock.json", "prisma/schema.prisma", "prisma/postgres/schema.prisma"];
/** Generated from the Prisma schemas (in BUILD_INPUTS), and not the build's to change. */
const SKIPPED = new Set(["lib/generated", "node_modules", ".next", ".next-e2e"]);
/** The stamp's file inside the build's folder (`next build` empties that folder, so a failed build leaves none). */
export const STAMP_FILE = "source-stamp";

function filesUnder(root: string, rel: string): string[] {
  if (SKIPPED.has(rel)) return [];
  const full = path.join(root, rel);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return [rel];
  if (!stat.isDirectory()) return [];
  return fs.readdirSync(full).flatMap((name) => filesUnder(root, path.posix.join(rel, name)));
}

/** The hash of every build input's path and content, in path order (the same on every machine). */
export function sourceStamp(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash("sha256");
  const files = inputs.flatMap((input) => filesUnder(root, input)).sort();
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(root, file));
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/** The build in `distDir` was made from these sources: it exists and its stamp is the current one. */
export function buildIsCurrent(root: string, distDir: string, stamp: string): boolean {
  const dist = path.join(root, distDir);
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) return false;
  try {
    return fs.readFileSync(path.join(dist, STAMP_FILE), "utf8").trim() === stamp;
  } catch {
    return false;
  }
}

/** Written after a build succeeds, with the stamp computed before it started. */
export function writeStamp(root: string, distDir: string, stamp: string): void {
  fs.writeFileSync(path.join(root, distDir, STAMP_FILE), `${stamp}\n`);
}
