/**
 * Runs the `openssl` command line for the certificate factory. The factory makes test PKI for
 * the sandbox and the tests only (never the user's real certificates), and the CLI is present on
 * Debian, macOS and the Linux machines testers use, so no native crypto dependency is needed.
 * Failures come back as values with openssl's own first error line, never as a throw.
 */
import { execFile } from 'node:child_process';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason, systemErrorDescription } from '../files/file-problem';

/** The error code of every factory failure. */
export const certificateFactoryErrorCode = 'tls-factory-failed';

/** Runs `openssl args…` and gives its standard output, or a one-line reason. */
export function runOpenssl(args: readonly string[], what: string): Promise<Result<string>> {
  return new Promise((resolve) => {
    execFile('openssl', [...args], { maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(ok(stdout));
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      // A string code is a failed start ("spawn openssl EACCES": an openssl that is no program).
      const notStarted = typeof error.code === 'string' ? systemErrorDescription(error) : undefined;
      const detail = missing
        ? 'the openssl command is not installed'
        : notStarted
          ? `the openssl command could not be started (${notStarted})`
          : (firstMeaningfulLine(stderr) ?? error.message.split('\n')[0]);
      resolve(err(certificateFactoryErrorCode, `Could not ${what} with openssl: ${detail}.`));
    });
  });
}

function firstMeaningfulLine(text: string): string | undefined {
  return text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0 && !/^(Using configuration|Check that the request)/.test(line));
}

/**
 * Runs file work for the factory (it makes folders and writes files); a thrown file error
 * becomes one sentence naming the file, unless `what` already does, and the reason in words.
 */
export async function withFiles<T>(what: string, work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    const file = failure.path ?? '';
    const reason = fileProblemReason(error, failure.syscall === 'mkdir' ? 'folder' : 'write', file);
    const named = file === '' || what.includes(file) ? '' : ` (${file})`;
    return err(certificateFactoryErrorCode, `Could not ${what}${named}: ${reason}.`);
  }
}
