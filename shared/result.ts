/**
 * Errors as values: every operation that can fail for a user-visible reason returns a `Result`.
 * Thrown errors lose everything but `message` across IPC (STYLE.md, "Typed bridge"), so the
 * boundary carries `{ ok: false, error: { code, message } }` instead.
 */

/** A failure a user can understand: a stable machine code and one clear sentence. */
export interface AppError {
  readonly code: string;
  readonly message: string;
  /** Where in an input the problem is, when known (for example a line of an XML file). */
  readonly line?: number;
  readonly column?: number;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(
  code: string,
  message: string,
  where?: { line?: number; column?: number },
): Result<T> {
  return { ok: false, error: { code, message, ...where } };
}

/** For exhaustive switches: the compiler proves this is never reached. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
