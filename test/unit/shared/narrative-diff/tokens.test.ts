import { describe, expect, it } from 'vitest';
import {
  bridgeSpaces,
  changedFlags,
  diffTokens,
  tokenize,
} from '../../../../shared/narrative-diff/tokens';

describe('tokenize', () => {
  it('splits words, runs of white space and single punctuation marks, and joins back exactly', () => {
    const text = 'Annostus:  1 tabletti\n\taamuisin (klo 8.00).';
    const tokens = tokenize(text);
    expect(tokens).toEqual([
      'Annostus',
      ':',
      '  ',
      '1',
      ' ',
      'tabletti',
      '\n\t',
      'aamuisin',
      ' ',
      '(',
      'klo',
      ' ',
      '8',
      '.',
      '00',
      ')',
      '.',
    ]);
    expect(tokens.join('')).toBe(text);
  });

  it('keeps Finnish letters and combining marks inside words', () => {
    const decomposed = 'Lääke\u0301määräys';
    expect(tokenize(`${decomposed} öljy`)).toEqual([decomposed, ' ', 'öljy']);
  });

  it('never splits into characters: a 30 KB Base64 line is a few thousand tokens, not 30,000', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let line = '';
    for (let i = 0; line.length < 30_000; i++) line += alphabet[(i * 7919) % 64];
    const tokens = tokenize(line);
    expect(tokens.join('')).toBe(line);
    expect(tokens.length).toBeLessThan(3_000);
  });
});

describe('diffTokens', () => {
  it('finds the changed words and treats any white space as the same', () => {
    const left = tokenize('1 tabletti\n   aamuisin.');
    const right = tokenize('2 tablettia aamuisin.');
    const diff = diffTokens(left, right);
    if (diff.kind !== 'diffed') throw new Error(diff.note);
    const flags = changedFlags(diff.blocks, left.length, right.length);
    const changed = (tokens: string[], marks: Uint8Array) =>
      tokens.filter((_, i) => marks[i] === 1);
    // The space between the changed words is equal on both sides, so it is not marked.
    expect(changed(left, flags.left)).toEqual(['1', 'tabletti']);
    expect(changed(right, flags.right)).toEqual(['2', 'tablettia']);
  });

  it('joins two changed words across the one unchanged space between them', () => {
    const tokens = tokenize('a 1 tabletti b');
    const flags = Uint8Array.from([0, 0, 1, 0, 1, 0, 0]);
    expect(Array.from(bridgeSpaces(flags, tokens))).toEqual([0, 0, 1, 1, 1, 0, 0]);
  });

  it('gives up on a block with more tokens than the cap, and says why', () => {
    const many = Array.from({ length: 50 }, (_, i) => `w${i}`);
    const diff = diffTokens(many, [...many, 'x'], { maxTokens: 40, workBudget: 1_000_000 });
    expect(diff).toEqual({
      kind: 'too-large',
      note: 'This text has 51 words and marks, more than the 40 compared word by word; it is shown as changed as a whole.',
    });
  });

  it('gives up when the work budget runs out instead of running long', () => {
    const left = Array.from({ length: 3_000 }, (_, i) => `a${(i * 31) % 1000}`);
    const right = Array.from({ length: 3_000 }, (_, i) => `a${(i * 17) % 1000}`);
    const diff = diffTokens(left, right, { maxTokens: 20_000, workBudget: 1_000 });
    expect(diff.kind).toBe('too-large');
  });
});
