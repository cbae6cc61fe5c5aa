/**
 * Defensive access to untrusted FHIR JSON: every read checks the JSON type and reads only own
 * properties, and a field of the wrong type is reported (once per path) instead of trusted or
 * thrown on. Arrays are accepted where FHIR has a single value and vice versa, because the XML
 * form (fhir-xml.ts) cannot tell a one-element list from a single value.
 */
import type { ReadWarning } from './model';

/** A JSON object (never an array or null). */
export type JsonObject = { readonly [key: string]: unknown };

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads fields of one JSON object, recording wrong types as warnings. */
export class JsonReader {
  readonly #warnings: ReadWarning[];
  readonly #path: string;
  readonly #object: JsonObject;

  constructor(object: JsonObject, path: string, warnings: ReadWarning[]) {
    this.#object = object;
    this.#path = path;
    this.#warnings = warnings;
  }

  #field(key: string): unknown {
    return Object.hasOwn(this.#object, key) ? this.#object[key] : undefined;
  }

  #wrongType(key: string, expected: string): undefined {
    const where = this.#path === '' ? key : `${this.#path}.${key}`;
    this.#warnings.push({
      code: 'fhir-invalid-field',
      message: `${where} is not ${expected}; it was ignored.`,
    });
    return undefined;
  }

  /** A string field (numbers and booleans of the XML form are accepted as their text). */
  string(key: string): string | undefined {
    const value = this.#field(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.#wrongType(key, 'a string');
  }

  /** A non-negative integer field, also from a numeric string. */
  integer(key: string): number | undefined {
    const value = this.#field(key);
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
    return this.#wrongType(key, 'a non-negative integer');
  }

  /** An object field as a reader, or undefined. */
  object(key: string): JsonReader | undefined {
    const value = this.#field(key);
    if (value === undefined || value === null) return undefined;
    const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if (!isJsonObject(single)) return this.#wrongType(key, 'an object');
    return new JsonReader(single, this.#join(key), this.#warnings);
  }

  /** An array-of-objects field as readers; a single object counts as a one-element array. */
  objects(key: string): readonly JsonReader[] {
    const value = this.#field(key);
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    const readers: JsonReader[] = [];
    items.forEach((item, index) => {
      if (isJsonObject(item))
        readers.push(new JsonReader(item, this.#join(`${key}[${index}]`), this.#warnings));
      else this.#wrongType(`${key}[${index}]`, 'an object');
    });
    return readers;
  }

  /** An array-of-strings field; a single string counts as a one-element array. */
  strings(key: string): readonly string[] {
    const value = this.#field(key);
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    const strings: string[] = [];
    for (const item of items) {
      if (typeof item === 'string') strings.push(item);
      else this.#wrongType(key, 'a list of strings');
    }
    return strings;
  }

  /** This object's path, for messages. */
  get path(): string {
    return this.#path;
  }

  #join(key: string): string {
    return this.#path === '' ? key : `${this.#path}.${key}`;
  }
}
