/** The layer rules of STYLE.md are enforced by lint: these imports must fail, their controls pass. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer lint rules', () => {
  it.each([
    [
      'shared/ imports electron',
      "import { app } from 'electron';\nexport const x = app;",
      'shared/x.ts',
    ],
    [
      'shared/ imports node:fs',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      'shared/x.ts',
    ],
    [
      'shared/ imports fs',
      "import { readFileSync } from 'fs';\nexport const x = readFileSync;",
      'shared/x.ts',
    ],
    [
      'shared/ imports react',
      "import { useState } from 'react';\nexport const x = useState;",
      'shared/x.ts',
    ],
    [
      'shared/ imports from electron/',
      "import { x } from '../electron/services/home';\nexport const y = x;",
      'shared/x.ts',
    ],
    [
      'renderer/ imports electron',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
      'renderer/src/x.ts',
    ],
    [
      'renderer/ imports node:path',
      "import path from 'node:path';\nexport const x = path;",
      'renderer/src/x.ts',
    ],
    [
      'renderer/ imports a service',
      "import { x } from '../../electron/services/home';\nexport const y = x;",
      'renderer/src/x.ts',
    ],
    [
      'a service imports ipcMain',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
      'electron/services/x.ts',
    ],
    [
      'main code outside ipc.ts imports ipcMain',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
      'electron/main/window.ts',
    ],
  ])('%s: fails', async (_label, code, filePath) => {
    expect(await ruleIds(code, filePath)).toContain('no-restricted-imports');
  });

  it.each([
    [
      'shared/ uses window',
      'export const x = window.location;',
      'shared/x.ts',
      'no-restricted-globals',
    ],
    [
      'shared/ uses process',
      'export const x = process.env;',
      'shared/x.ts',
      'no-restricted-globals',
    ],
    [
      'openExternal outside external-links.ts',
      "import { shell } from 'electron';\nvoid shell.openExternal('https://x');",
      'electron/main/menu.ts',
      'no-restricted-syntax',
    ],
    [
      'dangerouslySetInnerHTML in the renderer',
      'export const x = <div dangerouslySetInnerHTML={{ __html: "" }} />;',
      'renderer/src/x.tsx',
      'no-restricted-syntax',
    ],
  ])('%s: fails', async (_label, code, filePath, rule) => {
    expect(await ruleIds(code, filePath)).toContain(rule);
  });

  it.each([
    [
      'electron/main/ipc.ts may import ipcMain',
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
      'electron/main/ipc.ts',
    ],
    [
      'the preload may import ipcRenderer',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
      'electron/preload/index.ts',
    ],
    [
      'external-links.ts may call openExternal',
      "import { shell } from 'electron';\nvoid shell.openExternal('https://x');",
      'electron/main/external-links.ts',
    ],
    [
      'renderer may import shared/',
      "import { ok } from '../../shared/result';\nexport const x = ok;",
      'renderer/src/x.ts',
    ],
    [
      'services may import node:fs',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;",
      'electron/services/x.ts',
    ],
  ])('%s: passes', async (_label, code, filePath) => {
    expect(await ruleIds(code, filePath)).toEqual([]);
  });
});
