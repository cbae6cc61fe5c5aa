import type { SeedPatient } from './patients';
import { generatePatients } from './patients';
import type { ChainPlan, DocumentSpec } from './document-spec';
import { buildChain } from './document-spec';
import type { AttachmentFacts } from './document-reference';
import { attachmentFacts, buildDocumentReference } from './document-reference';
import { createPrng } from './prng';
import type { Prng } from './prng';
import { renderDocument, renderDocumentAsync } from './render-document';
import type { PlantedProblem, SeedCatalog, SeedDocument, SeedOptions } from './seed-types';
import { idPrefixOf, standInArchive, type StandInArchive } from './stand-in';

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

// A class keeps per-document memory to the spec plus two fields: the DocumentReference is built
// on each access (a fresh object, cheap) so 100,000 of them never sit in memory at once.
class LazySeedDocument implements SeedDocument, AttachmentFacts {
  readonly contentType = 'application/hl7-v3+xml' as const;
  private cachedFacts: { readonly size: number; readonly hash: string } | undefined;

  constructor(private readonly spec: DocumentSpec) {}

  get binaryId(): string {
    return `${idPrefixOf(this.spec.archive)}-binary-${this.spec.index + 1}`;
  }
  get setId(): string {
    return this.spec.setId;
  }
  get versionNumber(): number {
    return this.spec.versionNumber;
  }
  get problems(): readonly PlantedProblem[] {
    return this.spec.problems;
  }
  get documentReference(): SeedDocument['documentReference'] {
    return buildDocumentReference(this.spec, this.binaryId, this);
  }
  readonly bytes = (): Uint8Array => renderDocument(this.spec);
  readonly facts = (): { readonly size: number; readonly hash: string } => {
    this.cachedFacts ??= attachmentFacts(this.bytes());
    return this.cachedFacts;
  };
  readonly prepareFacts = async (): Promise<void> => {
    if (!this.cachedFacts) {
      const facts = attachmentFacts(await renderDocumentAsync(this.spec));
      this.cachedFacts ??= facts;
    }
  };

  /** JSON shows the contract's fields (getters live on the prototype, which JSON skips). */
  toJSON(): Omit<SeedDocument, 'bytes'> {
    const { documentReference, binaryId, contentType, setId, versionNumber, problems } = this;
    return { documentReference, binaryId, contentType, setId, versionNumber, problems };
  }
}

function chainSpecs(
  prng: Prng,
  options: SeedOptions,
  patients: readonly SeedPatient[],
  archive: StandInArchive | undefined,
): DocumentSpec[] {
  const specs: DocumentSpec[] = [];
  let previousFirst: DocumentSpec | undefined;
  for (let chain = 0; specs.length < options.documents; chain += 1) {
    const plan = planChain(prng, chain, options.documents - specs.length, previousFirst);
    const patient = prng.pick(patients);
    const chainSpecList = buildChain(prng, options.seed, specs.length, patient, plan, archive);
    previousFirst = chainSpecList[0];
    for (const spec of chainSpecList) specs.push(spec);
  }
  return specs;
}

/** Generates the sandbox catalogue; CDA bytes are rendered on demand from each document's seed. */
export function generateSeedCatalog(options: SeedOptions): SeedCatalog {
  const prng = createPrng(options.seed);
  // The archive draws nothing from the PRNG: every environment gets the same documents.
  const archive = options.environment ? standInArchive(options.environment) : undefined;
  const patients = generatePatients(prng, Math.max(1, options.patients), idPrefixOf(archive));
  const specs = options.documents > 0 ? chainSpecs(prng, options, patients, archive) : [];
  return {
    patients: patients.map((p) => p.resource),
    documents: specs.map((spec) => new LazySeedDocument(spec)),
    ...(options.environment ? { environment: options.environment } : {}),
  };
}
