// Saves a weight set as /admin does (a new version and a re-score of every statement in one
// transaction, lib/store/weight-sets.ts saveWeightSet), in a process of its own, for
// __tests__/faults.test.ts to kill. The re-score writes one scoring pair at a time, yielding
// between pairs, so that the kill can fall between any two of its writes.
// Usage: tsx __tests__/helpers/rescore-process.ts <baseVersion>  (DATABASE_URL names the store)
// stdout: {"version":N,"rescored":N}
import { getPrisma } from "../../lib/store/client";
import { saveWeightSet } from "../../lib/store/weight-sets";
import { editedWeights } from "../../scripts/bench/store-stages";

async function main(): Promise<void> {
  const saved = await saveWeightSet(getPrisma(), editedWeights(), {
    baseVersion: Number(process.argv[2]),
    note: "fault injection",
    pageSize: 1,
    afterPage: () => new Promise((resolve) => setImmediate(resolve)),
  });
  console.log(JSON.stringify({ version: saved.weightSet.version, rescored: saved.rescored }));
  await getPrisma().$disconnect();
}

void main();
