/**
 * HTML → PDF for reports. The PDF is printed from the same HTML page as the HTML report. The
 * command line uses a headless Chromium found on this machine; the app passes its own printer
 * built on Electron's `webContents.printToPDF` (electronPdfPrinter: a thin adapter over a window
 * the app creates, so this module never imports electron).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { err, ok, type Result } from '../../../shared/result';
import { fileProblemReason, systemErrorDescription } from '../files/file-problem';

/** Prints a self-contained HTML page to PDF bytes. Never rejects. */
export type PdfPrinter = (html: string) => Promise<Result<Uint8Array>>;

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const onPath = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** CHROMIUM_PATH, then the usual install places, then the PATH; undefined when none exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const file of candidates) if (existsSync(file)) return file;
  for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean))
    for (const name of onPath)
      if (existsSync(path.join(folder, name))) return path.join(folder, name);
  return undefined;
}

export const noChromiumMessage =
  'PDF reports need a Chromium browser: install one (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its executable; HTML reports work without it.';

/** A printer that runs `chromium --headless --print-to-pdf` on a temporary copy of the page. */
export function chromiumPdfPrinter(
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): PdfPrinter {
  return async (html) => {
    const env = options.env ?? process.env;
    const chromium = findChromium(env);
    if (!chromium)
      return err(
        'report-no-chromium',
        env.CHROMIUM_PATH
          ? `CHROMIUM_PATH names ${env.CHROMIUM_PATH}, which does not exist. ${noChromiumMessage}`
          : noChromiumMessage,
      );
    const made = await temporaryPage(html);
    if (!made.ok) return made;
    const folder = made.value;
    try {
      const page = path.join(folder, 'report.html');
      const pdf = path.join(folder, 'report.pdf');
      const args = [
        '--headless',
        // Chromium refuses to start as root without it; the page is our own and has no script.
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-extensions',
        `--user-data-dir=${path.join(folder, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ];
      const ran = await run(chromium, args, options.timeoutMs ?? 120_000);
      if (!existsSync(pdf))
        return err('report-pdf-failed', `Chromium (${chromium}) did not print the report: ${ran}`);
      return ok(new Uint8Array(await readFile(pdf)));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}

/**
 * A fresh temporary folder holding the page as report.html; a folder that cannot be made or
 * filled (TMPDIR missing, a full disk) is told in words instead of rejecting with the errno code.
 */
async function temporaryPage(html: string): Promise<Result<string>> {
  const prefix = path.join(tmpdir(), 'archivist-pdf-');
  let folder: string | undefined;
  try {
    folder = await mkdtemp(prefix);
    await writeFile(path.join(folder, 'report.html'), html);
    return ok(folder);
  } catch (error) {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    return err(
      'report-pdf-failed',
      `The report could not be printed to PDF: the temporary folder ${tmpdir()} cannot be used (${fileProblemReason(error, 'write', prefix)}).`,
    );
  }
}

/** Runs a program; resolves with a one-line reason when it failed, '' when it ran. */
function run(file: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, maxBuffer: 4 << 20 }, (error, _out, stderr) => {
      if (!error) return resolve('');
      if (error.killed) return resolve(`it took longer than ${timeoutMs / 1000} s`);
      // A string code is a failed start ("spawn /opt/chromium EACCES" for a folder): say it in words.
      const notStarted = typeof error.code === 'string' ? systemErrorDescription(error) : undefined;
      if (notStarted) return resolve(`it could not be started (${notStarted})`);
      const last = String(stderr).trim().split('\n').pop() ?? '';
      resolve(last || error.message);
    });
  });
}

/** The parts of an Electron BrowserWindow the app's printer uses (structural: no electron import). */
export interface PrintableWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    printToPDF(options: {
      printBackground?: boolean;
      landscape?: boolean;
      pageSize?: 'A4';
      preferCSSPageSize?: boolean;
    }): Promise<Uint8Array>;
  };
  destroy(): void;
}

/**
 * A printer over Electron's printToPDF: `createWindow` gives a hidden, sandboxed window without
 * a preload; the page is loaded as a data: URL (the report has no scripts and fetches nothing).
 */
export function electronPdfPrinter(createWindow: () => PrintableWindow): PdfPrinter {
  return async (html) => {
    const window = createWindow();
    try {
      await window.loadURL(
        `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
      );
      const pdf = await window.webContents.printToPDF({
        printBackground: true,
        preferCSSPageSize: true,
      });
      return ok(new Uint8Array(pdf));
    } catch (error) {
      return err(
        'report-pdf-failed',
        `The report could not be printed to PDF: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      window.destroy();
    }
  };
}
