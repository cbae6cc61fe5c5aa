import { describe, expect, it, vi } from 'vitest';
import { electronMock, exposedInWorld } from '../../support/electron-mock';

vi.mock('electron', () => electronMock);

await import('../../../../electron/preload/index');
const { bridgeEvents, bridgeMethods } = await import('../../../../shared/ipc/contract');

type Api = Record<string, (...args: unknown[]) => unknown>;
const api = exposedInWorld.get('archivist') as Api;

describe('preload bridge', () => {
  it('exposes exactly the methods and events of the contract, under one name', () => {
    expect([...exposedInWorld.keys()]).toEqual(['archivist']);
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(bridgeMethods), ...Object.keys(bridgeEvents)].sort(),
    );
  });

  it('exposes no generic invoke, send or ipcRenderer', () => {
    for (const name of ['invoke', 'send', 'on', 'ipcRenderer', 'require'])
      expect(api).not.toHaveProperty(name);
  });

  it.each(Object.entries(bridgeMethods))(
    '%s invokes only its own channel %s',
    async (method, channel) => {
      electronMock.ipcRenderer.invoke.mockClear();
      await api[method]!({ url: 'https://www.kanta.fi/' });
      expect(electronMock.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(electronMock.ipcRenderer.invoke.mock.calls[0]![0]).toBe(channel);
    },
  );

  it.each(Object.entries(bridgeEvents))(
    '%s subscribes to %s and returns a working unsubscribe',
    (method, name) => {
      const listener = vi.fn();
      const unsubscribe = api[method]!(listener) as () => void;
      const [subscribedName, wrapped] = electronMock.ipcRenderer.on.mock.calls.at(-1) as [
        string,
        (...args: unknown[]) => void,
      ];
      expect(subscribedName).toBe(name);
      wrapped({ sender: 'event object is not passed on' }, { command: 'show-about' });
      expect(listener).toHaveBeenCalledWith({ command: 'show-about' });
      unsubscribe();
      expect(electronMock.ipcRenderer.removeListener).toHaveBeenCalledWith(name, wrapped);
    },
  );
});
