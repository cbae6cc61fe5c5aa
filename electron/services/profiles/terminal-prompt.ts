/**
 * Asks a question on the terminal and reads the answer with echo off (a passphrase must not
 * appear on screen or in a terminal recording). Only for a TTY stdin: piped input is never read
 * as a passphrase, so a script cannot hang on a prompt it does not see.
 */
import type { Readable, Writable } from 'node:stream';

/** The parts of `process.stdin` the prompt needs (tests pass a stand-in). */
export interface PromptInput extends Readable {
  readonly isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

/** The typed line, or undefined when the user pressed Ctrl-C / Ctrl-D or input ended. */
export function promptHidden(
  question: string,
  input: PromptInput,
  output: Writable,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    let typed = '';
    const wasRaw = (input as { isRaw?: boolean }).isRaw === true;
    input.setRawMode?.(true);
    output.write(question);
    const finish = (answer: string | undefined) => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode?.(wasRaw);
      input.pause();
      output.write('\n');
      resolve(answer);
    };
    const onEnd = () => finish(undefined);
    const onData = (chunk: Buffer | string) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') return finish(typed);
        if (character === '\u0003' || character === '\u0004') return finish(undefined);
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}

/** A prompt on this process's terminal, or undefined when stdin is not one. */
export function terminalPrompt(): ((question: string) => Promise<string | undefined>) | undefined {
  if (!process.stdin.isTTY) return undefined;
  return (question) => promptHidden(question, process.stdin, process.stderr);
}
