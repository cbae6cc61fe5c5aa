import type { Patient } from '../../../shared/fhir/resources';
import type { Prng } from './prng';

/** The OID under which Finnish personal identity codes are issued. */
export const HETU_SYSTEM = 'urn:oid:1.2.246.21';

const CONTROL = '0123456789ABCDEFHJKLMNPRSTUVWXY';
// Every sign valid since 2023, so readers meet all of them; the century decides the birth year.
const SIGNS: readonly (readonly [string, number, number])[] = [
  ['-', 1930, 1999],
  ['A', 2000, 2023],
  ['+', 1880, 1899],
  ['Y', 1930, 1999],
  ['X', 1940, 1999],
  ['W', 1950, 1999],
  ['V', 1960, 1999],
  ['U', 1970, 1999],
  ['B', 2000, 2023],
  ['C', 2000, 2023],
  ['D', 2000, 2023],
  ['E', 2000, 2023],
  ['F', 2000, 2023],
];
const GIVEN = ['Testi', 'Kokeilu', 'Malli', 'Esimerkki', 'Harjoitus', 'Demo', 'Koe'];
const FAMILY = ['Potilas', 'Henkilö', 'Asiakas', 'Testaaja', 'Kokeilija', 'Näyte', 'Mallinen'];

/** A generated test patient plus what the document generator needs to know about them. */
export interface SeedPatient {
  readonly resource: Patient & { readonly id: string };
  readonly hetu: string;
  readonly given: string;
  readonly family: string;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Builds a hetu with the correct control character for any individual number. */
export function buildHetu(
  day: number,
  month: number,
  year: number,
  sign: string,
  individual: number,
): string {
  const date = `${two(day)}${two(month)}${two(year % 100)}`;
  const num = String(individual).padStart(3, '0');
  const control = CONTROL[Number(`${date}${num}`) % 31] ?? '0';
  return `${date}${sign}${num}${control}`;
}

/**
 * Generates `count` patients with valid test codes (individual number 900–999), signs rotating;
 * their resource ids start with `idPrefix` (an environment's own, stand-in.ts).
 */
export function generatePatients(
  prng: Prng,
  count: number,
  idPrefix: string,
): readonly SeedPatient[] {
  const used = new Set<string>();
  const patients: SeedPatient[] = [];
  for (let i = 0; patients.length < count; i += 1) {
    const [sign, from, to] = SIGNS[i % SIGNS.length] ?? ['-', 1950, 1999];
    const year = prng.int(from, to);
    const [month, day] = [prng.int(1, 12), prng.int(1, 28)];
    const hetu = buildHetu(day, month, year, sign, prng.int(900, 999));
    if (used.has(hetu)) continue;
    used.add(hetu);
    const given = prng.pick(GIVEN);
    const family = prng.pick(FAMILY);
    const individual = Number(hetu.slice(7, 10));
    const resource = {
      resourceType: 'Patient' as const,
      id: `${idPrefix}-patient-${patients.length + 1}`,
      identifier: [{ system: HETU_SYSTEM, value: hetu }],
      name: [{ family, given: [given], text: `${given} ${family}` }],
      gender: individual % 2 === 1 ? ('male' as const) : ('female' as const),
      birthDate: `${year}-${two(month)}-${two(day)}`,
    };
    patients.push({ resource, hetu, given, family });
  }
  return patients;
}
