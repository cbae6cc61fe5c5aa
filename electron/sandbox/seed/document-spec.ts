import type { PlantedProblem } from './seed-types';
import type { SeedPatient } from './patients';
import type { Prng } from './prng';
import { deriveSeed } from './prng';
import type { StandInArchive } from './stand-in';
import type { Code } from './vocab';
import { DOCUMENT_TYPES, ORGANISATIONS, REGISTERS, SOCIAL_GROUPS, VIEWS } from './vocab';

/** Everything needed to write one document version; small, so 100,000 of them fit in memory. */
export interface DocumentSpec {
  readonly index: number;
  readonly seed: number;
  readonly kind: 'health' | 'social';
  readonly id: string;
  readonly setId: string;
  readonly versionNumber: number;
  readonly previousId: string | undefined;
  readonly patient: SeedPatient;
  readonly register: Code;
  readonly view: Code & { readonly phrases: readonly string[] };
  readonly documentType: Code;
  readonly organisation: Code;
  readonly title: string;
  /** CDA timestamp, Finnish time: YYYYMMDDHHMMSS+0200. */
  readonly effectiveTime: string;
  readonly serviceEventId: string;
  readonly invalidated: boolean;
  readonly isLatest: boolean;
  readonly problems: readonly PlantedProblem[];
  /** The environment whose archive stored it (stand-in.ts); absent in the plain seed. */
  readonly archive?: StandInArchive;
}

/** The OID arc the sandbox documents use; "99990001" marks them as synthetic. */
export const DOCUMENT_ARC = '1.2.246.10.99990001.2026';

const two = (n: number): string => String(n).padStart(2, '0');

/** A chain: one series of versions sharing setId, patient and organisation. */
export interface ChainPlan {
  readonly length: number;
  readonly invalidated: boolean;
  readonly duplicateOf: DocumentSpec | undefined;
}

// Problems land on fixed residues of the document index so they are rare (1 in 97 each) and
// stable across scales; duplicates are planned per chain (see generate-seed.ts).
const PROBLEM_RESIDUES: readonly (readonly [number, PlantedProblem])[] = [
  [11, 'metadata-disagrees-with-header'],
  [23, 'missing-service-event-id'],
  [37, 'wrong-register-code'],
  [53, 'signature-digest-mismatch'],
  [71, 'non-test-identity-code'],
];

/** The planted problems of the document at `index` (besides duplicates). */
export function problemsFor(index: number): PlantedProblem[] {
  return PROBLEM_RESIDUES.filter(([residue]) => index % 97 === residue).map(([, p]) => p);
}

function timestamp(prng: Prng, base: number): string {
  const d = new Date(base);
  const hour = prng.int(8, 15);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(hour)}${two(prng.int(0, 59))}${two(prng.int(0, 59))}+0200`;
}

/** Builds the specs of one chain; `first` is the catalogue index of its first version. */
export function buildChain(
  prng: Prng,
  catalogueSeed: number,
  first: number,
  patient: SeedPatient,
  plan: ChainPlan,
  archive: StandInArchive | undefined,
): DocumentSpec[] {
  const social = prng.next() < 0.2;
  const organisation = prng.pick(ORGANISATIONS);
  const view = social ? prng.pick(SOCIAL_GROUPS) : prng.pick(VIEWS);
  const register = social ? { code: '6', display: 'Sosiaalihuolto' } : prng.pick(REGISTERS);
  const documentType = prng.pick(DOCUMENT_TYPES);
  let day = Date.UTC(2020, 0, 1) + prng.int(0, 6 * 365) * 86_400_000;
  const serviceEventId = `${organisation.code.split('.').slice(0, 5).join('.')}.2026.${first}`;
  const specs: DocumentSpec[] = [];
  for (let v = 1; v <= plan.length; v += 1) {
    const index = first + v - 1;
    const dup = plan.duplicateOf;
    specs.push({
      index,
      seed: deriveSeed(catalogueSeed, index),
      kind: dup?.kind ?? (social ? 'social' : 'health'),
      id: `${DOCUMENT_ARC}.${index + 1}`,
      setId: dup?.setId ?? `${DOCUMENT_ARC}.${first + 1}`,
      versionNumber: dup?.versionNumber ?? v,
      previousId: v > 1 ? specs[v - 2]?.id : undefined,
      patient: dup?.patient ?? patient,
      register,
      view,
      documentType,
      organisation,
      title:
        `${view.display}: ${social ? 'asiakirja' : 'käynti'} ${v > 1 ? `(versio ${v})` : ''}`.trim(),
      effectiveTime: timestamp(prng, day),
      serviceEventId,
      invalidated: plan.invalidated && v === plan.length,
      isLatest: v === plan.length,
      problems: [
        ...problemsFor(index),
        ...(dup ? (['duplicate-set-id-and-version'] as const) : []),
      ],
      ...(archive ? { archive } : {}),
    });
    day += prng.int(1, 40) * 86_400_000;
  }
  return specs;
}
