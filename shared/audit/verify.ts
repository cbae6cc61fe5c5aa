/**
 * Verification of a journal: each line is its own canonical form, sequences run 1, 2, 3…, each
 * previousHash is the hash before it, each hash is right, and every signed checkpoint names a
 * (sequence, hash) that is present. The chain catches edits, deletions and reordering; the
 * checkpoints, kept elsewhere and signed, catch a cleanly cut tail.
 */
import { canonicalJson, checkpointPayload, GENESIS_HASH, type TextHasher } from './canonical';

/** A signed statement that the journal had this head at this time. */
export interface Checkpoint {
  readonly sequence: number;
  readonly hash: string;
  readonly time: string;
  readonly signature: string;
}

/** Where a journal line came from, for messages. */
export interface JournalLine {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export type VerifyOutcome =
  | {
      readonly ok: true;
      readonly records: number;
      readonly checkpoints: number;
      readonly head: string;
    }
  | {
      readonly ok: false;
      readonly sequence: number | null;
      readonly where: string;
      readonly reason: string;
    };

function fail(where: string, sequence: number | null, reason: string): VerifyOutcome {
  return { ok: false, sequence, where, reason };
}

/** The chain fields at the end of a canonical line (keys sort event < hash < previousHash < sequence). */
const TAIL = /,"hash":"([0-9a-f]{64})","previousHash":"([0-9a-f]{64})","sequence":(\d+)\}$/;

/**
 * Reads a line's chain fields and the exact text its hash covers: the line without its hash
 * member. Hashing the stored bytes themselves (not a re-serialisation) means any edit of any
 * byte changes the hash, without parsing the event at all.
 */
export function parseRecordLine(
  text: string,
): { sequence: number; previousHash: string; hash: string; hashed: string } | string {
  if (!text.startsWith('{"event":{')) return 'the line is not an audit record';
  const match = TAIL.exec(text);
  if (!match) return 'the record lacks its chain fields';
  const [tail, hash = '', previousHash = '', sequence = ''] = match;
  const hashed = `${text.slice(0, text.length - tail.length)},"previousHash":"${previousHash}","sequence":${sequence}}`;
  return { sequence: Number(sequence), previousHash, hash, hashed };
}

/** Checks the chain of all lines in order, then every checkpoint against it. */
export function verifyJournal(
  lines: Iterable<JournalLine>,
  checkpoints: readonly { where: string; text: string }[],
  hasher: TextHasher,
  verifySignature: (payload: string, signature: string) => boolean,
): VerifyOutcome {
  const hashes: string[] = [];
  let previous = GENESIS_HASH;
  for (const line of lines) {
    const where = `${line.file} line ${line.line}`;
    const expected = hashes.length + 1;
    const record = parseRecordLine(line.text);
    if (typeof record === 'string') return fail(where, expected, record);
    if (record.sequence !== expected)
      return fail(
        where,
        record.sequence,
        `sequence ${record.sequence} where ${expected} was expected (a record was deleted, inserted or moved)`,
      );
    if (record.previousHash !== previous)
      return fail(where, record.sequence, 'previousHash does not match the record before it');
    if (hasher(record.hashed) !== record.hash)
      return fail(
        where,
        record.sequence,
        'the hash does not match the content (the record was edited)',
      );
    hashes.push(record.hash);
    previous = record.hash;
  }
  for (const checkpoint of checkpoints) {
    const problem = checkCheckpoint(checkpoint.text, hashes, verifySignature);
    if (problem) return fail(checkpoint.where, problem.sequence, problem.reason);
  }
  return { ok: true, records: hashes.length, checkpoints: checkpoints.length, head: previous };
}

function checkCheckpoint(
  text: string,
  hashes: readonly string[],
  verifySignature: (payload: string, signature: string) => boolean,
): { sequence: number | null; reason: string } | null {
  let value: Partial<Checkpoint>;
  try {
    value = JSON.parse(text) as Partial<Checkpoint>;
  } catch {
    return { sequence: null, reason: 'the checkpoint is not valid JSON' };
  }
  const { sequence, hash, time, signature } = value;
  if (
    typeof sequence !== 'number' ||
    typeof hash !== 'string' ||
    typeof time !== 'string' ||
    typeof signature !== 'string'
  )
    return { sequence: null, reason: 'the checkpoint lacks its fields' };
  if (canonicalJson(value) !== text) return { sequence, reason: 'the checkpoint line was edited' };
  if (!verifySignature(checkpointPayload(sequence, hash, time), signature))
    return { sequence, reason: 'the checkpoint signature is not valid' };
  if (sequence > hashes.length)
    return {
      sequence: hashes.length + 1,
      reason: `records ${hashes.length + 1}–${sequence} were signed in a checkpoint but are missing (the journal was cut)`,
    };
  if (sequence > 0 && hashes[sequence - 1] !== hash)
    return { sequence, reason: 'the record differs from the one the checkpoint signed' };
  return null;
}
