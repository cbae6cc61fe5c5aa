/** The application shell: header, environment list and the main area. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/result';
import type { SelectedBridge } from './bridge/bridge';
import { AboutPanel } from './components/about-panel';
import { EnvironmentList } from './components/environment-list';
import { ErrorNotice } from './components/error-notice';

type Load =
  { state: 'loading' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; error: AppError };

const noBridge: AppError = {
  code: 'no-bridge',
  message:
    'Archivist cannot reach its services. Open it as the desktop app, or with the address `npm run dev:browser` prints.',
};

export function App({ bridge }: { readonly bridge: SelectedBridge | undefined }) {
  const [load, setLoad] = useState<Load>(
    bridge ? { state: 'loading' } : { state: 'failed', error: noBridge },
  );
  const [isAboutOpen, setAboutOpen] = useState(false);

  useEffect(() => {
    if (!bridge) return;
    let isCurrent = true;
    void bridge.api.getAppInfo().then((result) => {
      if (isCurrent)
        setLoad(
          result.ok
            ? { state: 'ready', info: result.value }
            : { state: 'failed', error: result.error },
        );
    });
    const unsubscribe = bridge.api.onMenuCommand(({ command }) => {
      if (command === 'show-about') setAboutOpen(true);
    });
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [bridge]);

  const info = load.state === 'ready' ? load.info : undefined;
  return (
    <div className="app" data-state={load.state}>
      <header className="app-header">
        <h1 className="app-title">Archivist</h1>
        <span className="app-subtitle">Kanta test environment document inspector</span>
        <span className="app-header-spacer" />
        {info && <span className="app-version">v{info.version}</span>}
        <button type="button" className="link-button" onClick={() => setAboutOpen(true)}>
          About
        </button>
      </header>
      <div className="app-body">
        <nav className="app-sidebar" aria-label="Environments">
          <h2 className="sidebar-heading">Environments</h2>
          {info && <EnvironmentList profiles={info.profiles} problem={info.profilesProblem} />}
        </nav>
        <main className="app-main">
          {load.state === 'loading' && <p className="muted">Loading…</p>}
          {load.state === 'failed' && <ErrorNotice error={load.error} />}
          {info && (
            <section className="welcome" aria-labelledby="welcome-heading">
              <h2 id="welcome-heading">Welcome</h2>
              <p>
                Archivist retrieves, compares and invalidates documents in Kanta test environments,
                and records every action in its audit trail.
              </p>
              <dl className="facts">
                <dt>Data folder</dt>
                <dd>
                  <code>{info.dataFolder}</code>
                </dd>
                <dt>Connection</dt>
                <dd>
                  {bridge?.kind === 'electron' ? 'Desktop app' : 'Browser harness (development)'}
                </dd>
              </dl>
            </section>
          )}
        </main>
      </div>
      {isAboutOpen && <AboutPanel version={info?.version} onClose={() => setAboutOpen(false)} />}
    </div>
  );
}
