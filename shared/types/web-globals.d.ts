/**
 * The few WHATWG globals that Node and browsers both provide and shared/ may use. shared/ is
 * compiled without the DOM and Node libraries so that nothing else slips in; the desktop and
 * renderer builds get the full definitions from their own libraries (and exclude this file).
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
