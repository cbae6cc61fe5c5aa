/**
 * Canonical serialisation and the hash chain of the audit journal. One record is one line:
 * sorted-key JSON without whitespace, so the same record always hashes to the same bytes and a
 * verifier can insist that each stored line is exactly its canonical form.
 */
import { sha256Hex } from '../crypto/sha256';
import { encodeUtf8 } from '../crypto/utf8';
import type { AuditEvent } from './event';

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** One journal line: the event plus its place in the chain. */
export interface ChainedRecord {
  readonly sequence: number;
  readonly previousHash: string;
  readonly event: AuditEvent;
  readonly hash: string;
}

/** Hashes UTF-8 text to lowercase hex; Node passes its native one for speed. */
export type TextHasher = (text: string) => string;

/** The pure-TS SHA-256 over UTF-8. */
export const pureSha256: TextHasher = (text) => sha256Hex(encodeUtf8(text));

/** Sorted-key JSON with no whitespace; undefined members are left out as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/** The hash of a record is over everything but the hash itself. */
export function recordHash(
  sequence: number,
  previousHash: string,
  event: AuditEvent,
  hasher: TextHasher = pureSha256,
): string {
  return hasher(canonicalJson({ sequence, previousHash, event }));
}

/** Links an event to the chain after (sequence - 1, previousHash). */
export function chainRecord(
  sequence: number,
  previousHash: string,
  event: AuditEvent,
  hasher: TextHasher = pureSha256,
): ChainedRecord {
  return { sequence, previousHash, event, hash: recordHash(sequence, previousHash, event, hasher) };
}

/** The exact bytes a checkpoint signature covers. */
export function checkpointPayload(sequence: number, hash: string, time: string): string {
  return canonicalJson({ hash, sequence, time });
}
