import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { electronMock, fakeWebContents, ipcMainHandlers } from '../../support/electron-mock';

vi.mock('electron', () => electronMock);

const { registerIpcHandlers } = await import('../../../../electron/main/ipc');
const { channels } = await import('../../../../shared/ipc/contract');
const { createHandlers } = await import('../../../../electron/services/handlers');

const validRequests: Record<string, unknown> = {
  'app:info': {},
  'app:open-external': { url: 'https://www.kanta.fi/' },
  'workspace:overview': {},
  'environments:check': { profileId: 'sandbox' },
  'documents:search': { profileId: 'sandbox', searchId: 's1', query: { setId: '1.2.3' } },
  'documents:cancel-search': { searchId: 's1' },
  'documents:find-same': { profileId: 'tk', documentId: '1.2.246.10.99990001.2026.50' },
  'documents:open': { profileId: 'sandbox', resourceId: 'seed-doc-1' },
  'documents:check': { profileId: 'sandbox', resourceId: 'seed-doc-1' },
  'documents:versions': { profileId: 'sandbox', resourceId: 'seed-doc-1' },
  'documents:compare': {
    compareId: 'c1',
    left: { profileId: 'sandbox', resourceId: 'seed-doc-1' },
    right: { profileId: 'sandbox', resourceId: 'seed-doc-2' },
    ignoreProfile: 'default',
  },
  'documents:cancel-compare': { compareId: 'c1' },
  'documents:compare-lines': { compareId: 'c1', side: 'left', start: 0, count: 10 },
  'documents:compare-narrative': { compareId: 'c1', start: 0, count: 50 },
  'documents:pick-file': {},
  'documents:file-info': { fileId: 'file-0123456789abcdef' },
  'documents:export-report': { compareId: 'c1', exportId: 'e1', format: 'html', redact: false },
  'invalidation:preflight': { profileId: 'sandbox', resourceIds: ['seed-doc-1'] },
  'invalidation:run': {
    profileId: 'sandbox',
    runId: 'r1',
    resourceIds: ['seed-doc-1'],
    reason: { code: 'duplicate' },
    confirmation: 'seed-doc-1',
  },
  'audit:list': { filter: {} },
  'audit:verify': {},
  'audit:export': { format: 'csv', filter: {} },
  'profiles:list': {},
  'profiles:save': {
    mode: 'create',
    draft: {
      id: 'lab',
      displayName: 'Lab',
      kind: 'fhir',
      repository: 'patient-data',
      baseUrl: 'https://lab.example/fhir',
      isTestEnvironment: true,
      followsCalendar: true,
    },
  },
  'profiles:remove': { profileId: 'lab' },
  'profiles:check': { profileId: 'lab' },
  'profiles:pick-file': { purpose: 'pkcs12', name: 'client.p12' },
};

function eventFrom(
  sender: ReturnType<typeof fakeWebContents>,
  frame: { url: string } | null = sender.mainFrame,
) {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('IPC registration', () => {
  const trusted = fakeWebContents(1);
  const openExternal = vi.fn(async () => ({ ok: true as const, value: { opened: false } }));
  const handlers = createHandlers({ home: '/nonexistent-archivist-home', openLink: openExternal });

  beforeEach(() => {
    ipcMainHandlers.clear();
    openExternal.mockClear();
    registerIpcHandlers(handlers, () => trusted as unknown as WebContents);
  });

  it('registers exactly the channels of the contract', () => {
    expect([...ipcMainHandlers.keys()].sort()).toEqual([...channels].sort());
    expect(Object.keys(validRequests).sort()).toEqual([...channels].sort());
  });

  const untrustedSenders = [
    ['another window', () => eventFrom(fakeWebContents(2))],
    ['a sub-frame of our window', () => eventFrom(trusted, { url: 'app://archivist/index.html' })],
    ['a frame showing a remote page', () => eventFrom(fakeWebContents(1, 'https://evil.example/'))],
    ['a frame showing a file', () => eventFrom(fakeWebContents(1, 'file:///tmp/x.html'))],
    ['a missing frame', () => eventFrom(trusted, null)],
  ] as const;

  for (const channel of ['app:info', 'app:open-external'] as const) {
    it.each(untrustedSenders)(`${channel}: refuses %s`, async (_label, makeEvent) => {
      const event = makeEvent();
      // A remote-page frame reuses id 1 but is a different webContents object with another URL.
      const result = await ipcMainHandlers.get(channel)!(event, validRequests[channel]);
      expect(result).toEqual({
        ok: false,
        error: { code: 'untrusted-sender', message: expect.any(String) },
      });
      expect(openExternal).not.toHaveBeenCalled();
    });

    it(`${channel}: answers the trusted main frame`, async () => {
      const result = (await ipcMainHandlers.get(channel)!(
        eventFrom(trusted),
        validRequests[channel],
      )) as { ok: boolean };
      expect(result.ok).toBe(true);
    });

    it(`${channel}: refuses an invalid payload from the trusted frame`, async () => {
      const result = await ipcMainHandlers.get(channel)!(eventFrom(trusted), { unexpected: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    });
  }

  it('refuses when the trusted window is gone', async () => {
    ipcMainHandlers.clear();
    registerIpcHandlers(handlers, () => undefined);
    const result = await ipcMainHandlers.get('app:info')!(eventFrom(trusted), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('turns a throwing handler into an error value, never a rejection', async () => {
    ipcMainHandlers.clear();
    const broken = {
      ...handlers,
      'app:info': async () => Promise.reject(new Error('secret internals at /home/x')),
    };
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registerIpcHandlers(broken, () => trusted as unknown as WebContents);
    const result = await ipcMainHandlers.get('app:info')!(eventFrom(trusted), {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal-error', message: expect.not.stringContaining('secret') },
    });
    consoleError.mockRestore();
  });
});
