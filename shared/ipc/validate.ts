/**
 * Small validators for untrusted input (IPC payloads, the loopback bridge, files on disk).
 * Each returns a Result naming the offending field, so the user sees what was wrong, and rejects
 * unknown keys so nothing unexpected rides along with a request.
 */
import { err, ok, type Result } from '../result';

/** The largest string any request field may carry; document bytes never travel in requests. */
export const maxRequestStringLength = 4096;

export type Validator<T> = (raw: unknown, path: string) => Result<T>;

function invalid<T>(path: string, message: string): Result<T> {
  return err('invalid-request', `${path} ${message}.`);
}

export function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const prototype = Object.getPrototypeOf(raw);
  return prototype === Object.prototype || prototype === null;
}

/** A string of bounded length; `pattern` narrows it further. */
export function stringField(
  options: { maxLength?: number; pattern?: RegExp; patternHint?: string } = {},
): Validator<string> {
  const maxLength = options.maxLength ?? maxRequestStringLength;
  return (raw, path) => {
    if (typeof raw !== 'string') return invalid(path, 'must be a string');
    if (raw.length > maxLength)
      return invalid(path, `is too long (${raw.length} characters, at most ${maxLength})`);
    if (options.pattern && !options.pattern.test(raw))
      return invalid(path, options.patternHint ?? 'has the wrong form');
    return ok(raw);
  };
}

export function integerField(options: { min: number; max: number }): Validator<number> {
  return (raw, path) => {
    if (typeof raw !== 'number' || !Number.isInteger(raw))
      return invalid(path, 'must be a whole number');
    if (raw < options.min || raw > options.max)
      return invalid(path, `must be between ${options.min} and ${options.max}`);
    return ok(raw);
  };
}

export function booleanField(): Validator<boolean> {
  return (raw, path) =>
    typeof raw === 'boolean' ? ok(raw) : invalid(path, 'must be true or false');
}

export function optional<T>(validator: Validator<T>): Validator<T | undefined> {
  return (raw, path) => (raw === undefined ? ok(undefined) : validator(raw, path));
}

type Shape = Record<string, Validator<unknown>>;
type ShapeValue<S extends Shape> = {
  readonly [K in keyof S]: S[K] extends Validator<infer T> ? T : never;
};

/** An object with exactly the given fields: unknown keys and wrong types are refused. */
export function objectOf<S extends Shape>(shape: S): Validator<ShapeValue<S>> {
  return (raw, path) => {
    if (!isPlainObject(raw)) return invalid(path, 'must be an object');
    const unknownKey = Object.keys(raw).find((key) => !Object.hasOwn(shape, key));
    if (unknownKey !== undefined)
      return invalid(path, `has an unknown field '${unknownKey.slice(0, 40)}'`);
    const value: Record<string, unknown> = {};
    for (const [key, validate] of Object.entries(shape)) {
      const field = validate(raw[key], `${path}.${key}`);
      if (!field.ok) return field;
      if (field.value !== undefined) value[key] = field.value;
    }
    return ok(value as ShapeValue<S>);
  };
}

/** The request of a channel that takes no arguments: `{}` or nothing at all. */
export const emptyRequest: Validator<Record<string, never>> = (raw, path) =>
  raw === undefined ? ok({}) : (objectOf({})(raw, path) as Result<Record<string, never>>);

/** One of a fixed list of strings. */
export function oneOfField<T extends string>(values: readonly T[]): Validator<T> {
  return (raw, path) =>
    typeof raw === 'string' && (values as readonly string[]).includes(raw)
      ? ok(raw as T)
      : invalid(path, `must be one of ${values.join(', ')}`);
}
