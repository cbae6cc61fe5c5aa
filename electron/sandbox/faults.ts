/**
 * Fault injection for `--faults SPEC`: a comma-separated list of
 *   latency=200ms          delay every response
 *   error=5%:503           answer 5% of requests with that 5xx status
 *   throttle=2%            answer 2% with 429 and Retry-After
 *   reset=1%               destroy the connection of 1% without answering
 *   blackhole=/Binary      never answer requests whose path starts with the prefix
 *   drip=64B/100ms         send responses in 64-byte chunks every 100 ms
 * Rates draw from a seeded RNG so a run with the same seed misbehaves the same way.
 */
import { err, ok, type Result } from '../../shared/result';

/** The parsed fault specification. */
export interface FaultSpec {
  readonly latencyMs: number;
  readonly errorRate: number;
  readonly errorStatus: number;
  readonly throttleRate: number;
  readonly resetRate: number;
  readonly blackholePrefixes: readonly string[];
  readonly drip?: { readonly bytes: number; readonly everyMs: number };
}

/** No faults. */
export const noFaults: FaultSpec = {
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 503,
  throttleRate: 0,
  resetRate: 0,
  blackholePrefixes: [],
};

/** What to do with one request. */
export type FaultAction =
  | { readonly kind: 'blackhole' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'error'; readonly status: number }
  | { readonly kind: 'throttle' }
  | { readonly kind: 'pass' };

function rate(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)%$/.exec(text);
  return match && Number(match[1]) <= 100 ? Number(match[1]) / 100 : undefined;
}

function milliseconds(text: string): number | undefined {
  const match = /^(\d+)(ms|s)$/.exec(text);
  return match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : undefined;
}

function applyPart(spec: FaultSpec, key: string, value: string): FaultSpec | undefined {
  switch (key) {
    case 'latency': {
      const ms = milliseconds(value);
      return ms === undefined ? undefined : { ...spec, latencyMs: ms };
    }
    case 'error': {
      const [rateText = '', statusText = '503'] = value.split(':');
      const r = rate(rateText);
      const status = Number(statusText);
      return r === undefined || !(status >= 500 && status <= 599)
        ? undefined
        : { ...spec, errorRate: r, errorStatus: status };
    }
    case 'throttle':
    case 'reset': {
      const r = rate(value);
      if (r === undefined) return undefined;
      return key === 'throttle' ? { ...spec, throttleRate: r } : { ...spec, resetRate: r };
    }
    case 'blackhole':
      return value.startsWith('/')
        ? { ...spec, blackholePrefixes: [...spec.blackholePrefixes, value] }
        : undefined;
    case 'drip': {
      const match = /^(\d+)B\/(\d+)ms$/.exec(value);
      return match
        ? { ...spec, drip: { bytes: Math.max(1, Number(match[1])), everyMs: Number(match[2]) } }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Parses `--faults`; a bad part is named in the error. */
export function parseFaultSpec(text: string): Result<FaultSpec> {
  let spec = noFaults;
  for (const part of text
    .split(',')
    .map((one) => one.trim())
    .filter((one) => one !== '')) {
    const [key = '', value = ''] = part.split('=', 2);
    const next = applyPart(spec, key, value);
    if (!next)
      return err(
        'bad-faults',
        `'${part}' is not a fault (latency=200ms, error=5%:503, throttle=2%, reset=1%, blackhole=/Binary, drip=64B/100ms).`,
      );
    spec = next;
  }
  return ok(spec);
}

/** Decides the fault for one request; one RNG draw per request keeps sequences reproducible. */
export function decideFault(spec: FaultSpec, path: string, random: () => number): FaultAction {
  if (spec.blackholePrefixes.some((prefix) => path.startsWith(prefix)))
    return { kind: 'blackhole' };
  const draw = random();
  if (draw < spec.resetRate) return { kind: 'reset' };
  if (draw < spec.resetRate + spec.errorRate) return { kind: 'error', status: spec.errorStatus };
  if (draw < spec.resetRate + spec.errorRate + spec.throttleRate) return { kind: 'throttle' };
  return { kind: 'pass' };
}
