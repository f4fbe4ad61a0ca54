// Which statement each incoming one becomes: a stored statement or one written earlier in the
// batch that is the same utterance (the incoming one is merged into it), or a new statement.
import type { Statement } from "../core/types";
import { isSameUtterance, mergeStatements, speakerKey, WordingIndex, wordingsOf } from "../ingest/merge";
import type { RawTx } from "./bulk-writer";
import { candidatesFor } from "./candidates";
import { sourceRowKey } from "./rows";
import { chunks } from "./sql";
import { readStatements } from "./statements";

/** A statement a batch writes: new to the store, or a stored one with the batch's reports merged in. */
export interface Written {
  statement: Statement;
  isNew: boolean;
}

export interface Matched {
  /** What the batch writes, by id. */
  written: Map<string, Written>;
  /** The sources read from the store with their statements (by sourceRowKey): written back unchanged, so not written. */
  storedSources: Set<string>;
  /** Each incoming statement and the one it was merged into, in order: the days they were on change. */
  touched: Statement[];
  statements: { new: number; merged: number };
}

/**
 * What the batch writes so far, in the order last touched: the newest are the first candidates.
 * Only a speaker's own statements can be the same utterance, so each speaker's are kept apart, by
 * their wordings: a statement is compared only with those whose words may be alike.
 */
interface Writes {
  byId: Map<string, Written>;
  /** When each statement was last written, counting writes. */
  writtenAt: Map<string, number>;
  count: number;
  bySpeaker: Map<string, WordingIndex<string>>;
}

/** What findSame looks in: the batch's writes, then the stored statements. */
interface Lookup {
  tx: RawTx;
  writes: Writes;
  /** Stored statements with the id of an incoming one. */
  storedById: Map<string, Statement>;
  /** Stored statements that may be the same utterance as an incoming one (see candidatesFor), by its id. */
  candidates: Map<string, Statement[]>;
  storedSources: Set<string>;
}

/** Matches `incoming` (in order) against the store and against each other. */
export async function matchStored(tx: RawTx, incoming: Statement[]): Promise<Matched> {
  const storedSources = new Set<string>();
  const storedById = new Map<string, Statement>();
  for (const part of chunks(incoming.map((s) => s.id))) for (const statement of await readWhole(tx, part, storedSources)) storedById.set(statement.id, statement);
  const writes: Writes = { byId: new Map(), writtenAt: new Map(), count: 0, bySpeaker: new Map() };
  const candidates = await candidatesFor(tx, incoming.filter((s) => !storedById.has(s.id)));
  const lookup: Lookup = { tx, writes, storedById, candidates, storedSources };
  const matched: Matched = { written: writes.byId, storedSources, touched: [], statements: { new: 0, merged: 0 } };
  for (const s of incoming) {
    const stored = await findSame(s, lookup);
    matched.touched.push(s);
    if (stored) {
      matched.touched.push(stored);
      recordWrite(writes, { statement: { ...mergeStatements(stored, s), id: stored.id }, isNew: writes.byId.get(stored.id)?.isNew ?? false });
      matched.statements.merged++;
    } else {
      recordWrite(writes, { statement: s, isNew: true });
      matched.statements.new++;
    }
  }
  return matched;
}

/** Stored statements read whole, their sources added to `storedSources`. */
async function readWhole(tx: RawTx, ids: string[], storedSources: Set<string>): Promise<Statement[]> {
  const statements = await readStatements(tx, ids);
  for (const statement of statements) for (const source of statement.sources) storedSources.add(sourceRowKey(statement.id, source));
  return statements;
}

/** The statement `s` is: by its id, or the same utterance written earlier in the batch or stored; null when new. */
async function findSame(s: Statement, lookup: Lookup): Promise<Statement | null> {
  const { writes } = lookup;
  const byId = writes.byId.get(s.id)?.statement ?? lookup.storedById.get(s.id);
  if (byId) return byId;
  const sameSpeaker = writes.bySpeaker.get(speakerKey(s.speaker));
  const mayBeSame = new Set<string>();
  if (sameSpeaker) for (const wording of wordingsOf(s)) for (const id of sameSpeaker.candidates(wording)) mayBeSame.add(id);
  for (const id of [...mayBeSame].sort((a, b) => writes.writtenAt.get(b)! - writes.writtenAt.get(a)!)) {
    const other = writes.byId.get(id)!.statement;
    if (isSameUtterance(other, s)) return other;
  }
  const match = (lookup.candidates.get(s.id) ?? []).find((stored) => !writes.byId.has(stored.id) && isSameUtterance(stored, s));
  if (!match) return null;
  // Candidates carry only what matching reads: merging needs the whole statement.
  const [full] = await readWhole(lookup.tx, [match.id], lookup.storedSources);
  return full ?? null;
}

/** Records `entry` as the batch's latest write of its statement. */
function recordWrite(writes: Writes, entry: Written): void {
  const id = entry.statement.id;
  writes.byId.delete(id);
  writes.byId.set(id, entry);
  writes.writtenAt.set(id, writes.count++);
  const key = speakerKey(entry.statement.speaker);
  if (!key) return;
  const index = writes.bySpeaker.get(key) ?? new WordingIndex<string>();
  writes.bySpeaker.set(key, index);
  // A merged statement's earlier wordings stay listed: finding it by them only costs a test.
  for (const wording of wordingsOf(entry.statement)) index.add(wording, id);
}
