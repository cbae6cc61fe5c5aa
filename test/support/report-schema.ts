/** The published report JSON schema (resources/schemas/report-v1.schema.json), compiled once. */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

export const validateReport = new Ajv({ allErrors: true, strict: true }).compile(
  JSON.parse(
    readFileSync(new URL('../../resources/schemas/report-v1.schema.json', import.meta.url), 'utf8'),
  ) as object,
);
