/**
 * Tamper tests (issue 5, "Done when"): random byte flips, deletions, reorderings and a tail cut
 * after a checkpoint must all be caught by verify. A seeded generator keeps failures reproducible.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../../../electron/services/audit/journal';
import { verifyHome } from '../../../../../electron/services/audit/reader';
import { sampleEvent, tempHome } from './support';

const RECORDS = 60;
let home = '';
let file = '';
let original = Buffer.alloc(0);

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

function lines(): string[] {
  return original.toString('utf8').slice(0, -1).split('\n');
}

function verifyWith(content: Buffer | string): boolean {
  writeFileSync(file, content);
  try {
    return verifyHome(home).ok;
  } finally {
    writeFileSync(file, original);
  }
}

beforeAll(async () => {
  home = tempHome();
  const journal = await openJournal(home, { checkpointEvery: 15 });
  if (!journal.ok) throw new Error(journal.error.message);
  for (let i = 1; i <= RECORDS; i++) journal.value.append(sampleEvent(i));
  journal.value.close();
  file = path.join(home, 'audit/journal-1.jsonl');
  original = readFileSync(file);
  expect(verifyHome(home)).toMatchObject({ ok: true, records: RECORDS });
});

describe('tamper detection', { timeout: 60_000 }, () => {
  it('catches 1,000 random byte flips', () => {
    const next = random(1);
    let missed = 0;
    for (let i = 0; i < 1000; i++) {
      const copy = Buffer.from(original);
      const at = Math.floor(next() * copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 + Math.floor(next() * 255));
      if (verifyWith(copy)) missed += 1;
    }
    expect(missed).toBe(0);
  });

  it('catches 300 deletions of a record', () => {
    const next = random(2);
    for (let i = 0; i < 300; i++) {
      const all = lines();
      all.splice(Math.floor(next() * all.length), 1);
      expect(verifyWith(`${all.join('\n')}\n`)).toBe(false);
    }
  });

  it('catches 300 reorderings', () => {
    const next = random(3);
    for (let i = 0; i < 300; i++) {
      const all = lines();
      const a = Math.floor(next() * all.length);
      let b = Math.floor(next() * all.length);
      if (b === a) b = (a + 1) % all.length;
      [all[a], all[b]] = [all[b] ?? '', all[a] ?? ''];
      expect(verifyWith(`${all.join('\n')}\n`)).toBe(false);
    }
  });

  it('catches a cleanly cut tail after a checkpoint, naming the missing records', () => {
    for (const keep of [0, 1, 14, 15, 16, 45, RECORDS - 1]) {
      const all = lines().slice(0, keep);
      writeFileSync(file, all.length ? `${all.join('\n')}\n` : '');
      const outcome = verifyHome(home);
      writeFileSync(file, original);
      expect(outcome).toMatchObject({ ok: false, sequence: keep + 1 });
      if (!outcome.ok) expect(outcome.reason).toMatch(/missing \(the journal was cut\)/);
    }
  });
});
