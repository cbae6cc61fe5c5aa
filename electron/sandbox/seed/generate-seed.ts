import type { SeedPatient } from './patients';
import { generatePatients } from './patients';
import type { ChainPlan, DocumentSpec } from './document-spec';
import { buildChain } from './document-spec';
import { buildDocumentReference } from './document-reference';
import { createPrng } from './prng';
import type { Prng } from './prng';
import { renderDocument } from './render-document';
import type { SeedCatalog, SeedDocument, SeedOptions } from './seed-types';

/** Default scale of the sandbox (about 25 patients, 500 documents). */
export const DEFAULT_SEED_OPTIONS: SeedOptions = { seed: 20260101, patients: 25, documents: 500 };

// One chain in 41 is a planted duplicate (same setId and version as the previous chain's first
// version, different id); one in 12 ends invalidated.
function planChain(
  prng: Prng,
  chain: number,
  remaining: number,
  previous: DocumentSpec | undefined,
): ChainPlan {
  if (chain % 41 === 20 && previous)
    return { length: 1, invalidated: false, duplicateOf: previous };
  const length = Math.min(remaining, prng.int(1, 4));
  return { length, invalidated: prng.next() < 1 / 12, duplicateOf: undefined };
}

function toSeedDocument(spec: DocumentSpec): SeedDocument {
  const binaryId = `seed-binary-${spec.index + 1}`;
  const bytes = (): Uint8Array => renderDocument(spec);
  return {
    documentReference: buildDocumentReference(spec, binaryId, bytes),
    binaryId,
    contentType: 'application/hl7-v3+xml',
    bytes,
    setId: spec.setId,
    versionNumber: spec.versionNumber,
    problems: spec.problems,
  };
}

function chainSpecs(
  prng: Prng,
  options: SeedOptions,
  patients: readonly SeedPatient[],
): DocumentSpec[] {
  const specs: DocumentSpec[] = [];
  let previousFirst: DocumentSpec | undefined;
  for (let chain = 0; specs.length < options.documents; chain += 1) {
    const plan = planChain(prng, chain, options.documents - specs.length, previousFirst);
    const chainSpecList = buildChain(prng, options.seed, specs.length, prng.pick(patients), plan);
    previousFirst = chainSpecList[0];
    for (const spec of chainSpecList) specs.push(spec);
  }
  return specs;
}

/** Generates the sandbox catalogue; CDA bytes are rendered on demand from each document's seed. */
export function generateSeedCatalog(options: SeedOptions): SeedCatalog {
  const prng = createPrng(options.seed);
  const patients = generatePatients(prng, Math.max(1, options.patients));
  const specs = options.documents > 0 ? chainSpecs(prng, options, patients) : [];
  return { patients: patients.map((p) => p.resource), documents: specs.map(toSeedDocument) };
}
