// jest globalTeardown for the "browser" project: stops the production server's process group
// started by global-setup.ts and removes its temp dir (SQLite store, server log).
import fs from "node:fs";
import { killGroup, type E2eState } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __TENSION_E2E__?: E2eState };
  let state = holder.__TENSION_E2E__;
  const stateFile = process.env.E2E_STATE_FILE;
  if (!state && stateFile && fs.existsSync(stateFile)) state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as E2eState;
  if (!state) return;
  await killGroup(state.pid);
  fs.rmSync(state.tmpDir, { recursive: true, force: true });
  delete holder.__TENSION_E2E__;
}
