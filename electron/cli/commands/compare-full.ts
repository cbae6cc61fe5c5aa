/**
 * What only a full comparison needs (every format but unified): the compare worker, the report
 * writers, redaction and the Chromium PDF printer. compare.ts loads this module when it makes
 * one, so `compare --format unified` starts without them (issue 7: the command line's start-up
 * is part of its time against git).
 */
export { compareInWorker } from '../../services/compare/compare-in-worker';
export { exportReport } from '../../services/report/export-report';
export { chromiumPdfPrinter } from '../../services/report/pdf-printer';
export { redactText } from '../../services/report/redact-text';
