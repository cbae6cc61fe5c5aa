/**
 * Every `archivist` command, in the order `--help` lists them. Each command's module is loaded
 * only when that command runs or shows its help: the overview needs names and summaries alone,
 * and a run should not pay for the others' modules (the sandbox server, the FHIR client and TLS,
 * the report writers; issue 7 counts the command line's start-up against git's). The summaries
 * here must equal the modules' own (commands.test.ts checks it).
 */
import type { CommandEntry } from '../command';

export const commands: readonly CommandEntry[] = [
  {
    name: 'info',
    summary: 'show version, home folder and environment profiles',
    load: async () => (await import('./info')).infoCommand,
  },
  {
    name: 'sandbox',
    summary: 'run the local FHIR test environment (sandbox)',
    load: async () => (await import('./sandbox')).sandboxCommand,
  },
  {
    name: 'envs',
    summary: 'list, add, remove and check environment profiles (certificates, calendar)',
    load: async () => (await import('./envs')).envsCommand,
  },
  {
    name: 'search',
    summary: "search a patient's documents in an environment (audited)",
    load: async () => (await import('./search')).searchCommand,
  },
  {
    name: 'show',
    summary: "show one document's metadata (CDA, RCMR message, FHIR DocumentReference)",
    load: async () => (await import('./show')).showCommand,
  },
  {
    name: 'audit',
    summary: 'verify, list or export the audit journal',
    load: async () => (await import('./audit')).auditCommand,
  },
  {
    name: 'compare',
    summary:
      'compare two documents: metadata, content, change list; reports (HTML, PDF, CSV, JSON)',
    load: async () => (await import('./compare')).compareCommand,
  },
  {
    name: 'report',
    summary: 'verify a comparison report: OK, or exactly what was altered',
    load: async () => (await import('./report')).reportCommand,
  },
  {
    name: 'invalidate',
    summary: 'invalidate test documents in a test environment (dry run, confirmation, read-back)',
    load: async () => (await import('./invalidate')).invalidateCommand,
  },
];
