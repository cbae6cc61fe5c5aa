/**
 * Narrative text as tokens: words, runs of white space, and single punctuation characters. The
 * word diff works on these, never on characters: character diffs of long lines took 13–53 s
 * (TOOLCHAIN.md "Diff"), while a 30 KB Base64 line is one token here.
 */
import { diffIds, type ChangeBlock } from '../compare/line-diff';

/** Letters with their combining marks, digits and underscores make words; anything else stands alone. */
const tokenPattern = /\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;
const spacePattern = /^\s/;

/** Splits text into tokens; joined, they give the text back exactly. */
export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** True for a token of white space. */
export function isSpace(token: string): boolean {
  return spacePattern.test(token);
}

/**
 * What a token is compared by: every run of white space is the same, so re-indented XML or a
 * line broken elsewhere is not a change in the narrative a reader sees.
 */
function keyOf(token: string): string {
  return isSpace(token) ? ' ' : token;
}

/** The token diff of one block, or why it was not made. */
export type TokenDiff =
  | { readonly kind: 'diffed'; readonly blocks: readonly ChangeBlock[] }
  | { readonly kind: 'too-large'; readonly note: string };

/** Limits of one block's word diff; past them the block is shown as changed as a whole. */
export interface TokenDiffLimits {
  /** Tokens per side (default 20,000: a long narrative table). */
  readonly maxTokens: number;
  /** Work units of the line diff over token ids (default 2,000,000). */
  readonly workBudget: number;
}

export const defaultTokenDiffLimits: TokenDiffLimits = { maxTokens: 20_000, workBudget: 2_000_000 };

/** Diffs two token lists by the project's line diff over token ids. */
export function diffTokens(
  left: readonly string[],
  right: readonly string[],
  limits: TokenDiffLimits = defaultTokenDiffLimits,
): TokenDiff {
  const largest = Math.max(left.length, right.length);
  if (largest > limits.maxTokens)
    return {
      kind: 'too-large',
      note: `This text has ${largest.toLocaleString('en')} words and marks, more than the ${limits.maxTokens.toLocaleString('en')} compared word by word; it is shown as changed as a whole.`,
    };
  const ids = new Map<string, number>();
  const intern = (tokens: readonly string[]): Int32Array => {
    const out = new Int32Array(tokens.length);
    tokens.forEach((token, i) => {
      const key = keyOf(token);
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      out[i] = id;
    });
    return out;
  };
  const a = intern(left);
  const b = intern(right);
  const diff = diffIds(a, b, ids.size, { workBudget: limits.workBudget });
  if (diff.isCoarse)
    return {
      kind: 'too-large',
      note: 'This text changed too much to compare word by word within the work limit; it is shown as changed as a whole.',
    };
  return { kind: 'diffed', blocks: diff.blocks };
}

/** One flag per token: 1 where the token is inside a changed block of that side. */
export function changedFlags(
  blocks: readonly ChangeBlock[],
  leftCount: number,
  rightCount: number,
): { left: Uint8Array; right: Uint8Array } {
  const left = new Uint8Array(leftCount);
  const right = new Uint8Array(rightCount);
  for (const block of blocks) {
    left.fill(1, block.leftStart, block.leftEnd);
    right.fill(1, block.rightStart, block.rightEnd);
  }
  return { left, right };
}

/**
 * Marks a single run of white space changed when the tokens on both sides of it are: "1 tabletti"
 * then reads as one changed phrase rather than two words with an unchanged space between.
 */
export function bridgeSpaces(flags: Uint8Array, tokens: readonly string[]): Uint8Array {
  for (let i = 1; i + 1 < tokens.length; i++)
    if (flags[i] === 0 && flags[i - 1] === 1 && flags[i + 1] === 1 && isSpace(tokens[i]!))
      flags[i] = 1;
  return flags;
}
