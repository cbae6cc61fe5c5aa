/**
 * What only a full comparison needs (every format but unified): the compare worker, the report
 * writers, redaction and the Chromium PDF printer. compare.ts loads this module when it makes
 * one, so `compare --format unified` starts without them (issue 7: the command line's start-up
 * is part of its time against git).
 */
import { compareInWorker as compareInWorkerWithLines } from '../../services/compare/compare-in-worker';

/**
 * The command line keeps lines only for a report's side-by-side view (html, pdf), so it asks the
 * worker for those lines alone, not for both whole canonical forms (issue 8: a 20 MB pair has
 * about a million lines a side; a report shows some tens of thousands).
 */
export const compareInWorker: typeof compareInWorkerWithLines = (left, right, options) =>
  compareInWorkerWithLines(
    left,
    right,
    options.keepLines === true ? { ...options, keepLines: 'report' } : options,
  );
export { exportReport } from '../../services/report/export-report';
export { chromiumPdfPrinter } from '../../services/report/pdf-printer';
export { redactText } from '../../services/report/redact-text';
