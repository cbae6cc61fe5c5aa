/** Where the journal lives inside `<home>/audit/` and how its files are read back. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { JournalLine } from '../../../shared/audit/verify';

/** Paths of one home's audit folder. */
export function auditPaths(home: string) {
  const dir = path.join(home, 'audit');
  return {
    dir,
    lock: path.join(dir, 'journal.lock'),
    checkpoints: path.join(dir, 'checkpoints.jsonl'),
    quarantine: path.join(dir, 'quarantine.txt'),
    journal: (n: number) => path.join(dir, `journal-${n}.jsonl`),
  };
}

/** The journal file numbers present, ascending. */
export function journalNumbers(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^journal-(\d+)\.jsonl$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** A file's text split into complete lines, plus an unterminated tail (a torn write) if any. */
export function splitLines(text: string): { lines: string[]; torn: string } {
  const end = text.lastIndexOf('\n');
  const lines = end < 0 ? [] : text.slice(0, end).split('\n');
  return { lines, torn: text.slice(end + 1) };
}

/** Every complete line of every journal file in order; the last file's torn tail is skipped. */
export function readJournal(home: string): { lines: JournalLine[]; torn: string } {
  const paths = auditPaths(home);
  const numbers = journalNumbers(paths.dir);
  const lines: JournalLine[] = [];
  let torn = '';
  numbers.forEach((n, index) => {
    const file = paths.journal(n);
    const split = splitLines(readFileSync(file, 'utf8'));
    const name = path.basename(file);
    split.lines.forEach((text, i) => lines.push({ file: name, line: i + 1, text }));
    // An unterminated line in an earlier file cannot be a crash: keep it so verify flags it.
    if (index < numbers.length - 1 && split.torn)
      lines.push({ file: name, line: split.lines.length + 1, text: split.torn });
    else torn = split.torn;
  });
  return { lines, torn };
}

/** The checkpoint lines with where they are. */
export function readCheckpoints(home: string): { where: string; text: string }[] {
  const file = auditPaths(home).checkpoints;
  if (!existsSync(file)) return [];
  return splitLines(readFileSync(file, 'utf8')).lines.map((text, i) => ({
    where: `checkpoints.jsonl line ${i + 1}`,
    text,
  }));
}
