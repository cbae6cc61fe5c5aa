/**
 * The application shell: header (which environment, who acts), the environment switcher, the
 * calendar banner and the page the address names (search, a document, the audit trail). Errors
 * are sentences with their code (ErrorNotice); a blank screen is never an answer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract';
import type { DocumentRow, SearchQuery, WorkspaceProfile } from '../../shared/ipc/workspace-types';
import type { AppError } from '../../shared/result';
import { AuditPage } from './audit/audit-page';
import type { SelectedBridge } from './bridge/bridge';
import { ComparePage } from './compare/compare-page';
import { AboutPanel } from './components/about-panel';
import { ErrorNotice } from './components/error-notice';
import { DocumentPage } from './document/document-page';
import { useRoute } from './routing/use-route';
import { SearchPage } from './search/search-page';
import { CalendarBanners } from './shell/calendar-banner';
import { EnvironmentSwitcher, KindBadge } from './shell/environment-switcher';
import { comparedEnvironments, HeaderEnvironments } from './shell/header-environments';
import { useNow, useOverview } from './shell/use-overview';
import { useEnvironmentAnswers } from './shell/environment-answers';

type Load =
  { state: 'loading' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; error: AppError };

const noBridge: AppError = {
  code: 'no-bridge',
  message:
    'Archivist cannot reach its services. Open it as the desktop app, or with the address `npm run dev:browser` prints.',
};

function Operator({ profile, osUser }: { profile: WorkspaceProfile; osUser: string }) {
  const operator = profile.operator;
  return (
    <span className="operator" title="Who the audit trail names for actions here">
      Operator:{' '}
      {operator
        ? `${operator.name} (${operator.registrationNumber}, ${operator.organisationOid})`
        : `${osUser} (OS user; the profile has no test professional card)`}
    </span>
  );
}

export function App({ bridge }: { readonly bridge: SelectedBridge | undefined }) {
  const api = bridge?.api;
  const [load, setLoad] = useState<Load>(
    bridge ? { state: 'loading' } : { state: 'failed', error: noBridge },
  );
  const [isAboutOpen, setAboutOpen] = useState(false);
  const { overview, refresh } = useOverview(api);
  // Pages read through this: the switcher's connection states follow their reads.
  const pageApi = useEnvironmentAnswers(api, refresh);
  const { route, navigate } = useRoute();
  const nowMs = useNow(30_000);

  useEffect(() => {
    if (!api) return;
    let isCurrent = true;
    void api.getAppInfo().then((result) => {
      if (isCurrent)
        setLoad(
          result.ok
            ? { state: 'ready', info: result.value }
            : { state: 'failed', error: result.error },
        );
    });
    const unsubscribe = api.onMenuCommand(({ command }) => {
      if (command === 'show-about') setAboutOpen(true);
    });
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api]);

  const ready = overview.state === 'ready' ? overview.overview : undefined;
  // The compare page is in the environments of its documents, not the default one.
  const compared = route.page === 'compare' ? comparedEnvironments(route.left, route.right) : [];
  const comparedProfile = compared.find((environment) => typeof environment !== 'string');
  const routeProfileId =
    route.page === 'search' || route.page === 'document'
      ? route.profileId
      : comparedProfile?.profileId;
  const activeId = routeProfileId ?? (compared.length > 0 ? undefined : ready?.defaultProfileId);
  const activeProfile = ready?.profiles.find((profile) => profile.id === activeId);
  // A comparison of two environments has a calendar banner for each.
  const bannerProfiles = (ready?.profiles ?? []).filter((profile) =>
    compared.length > 0
      ? compared.some((known) => typeof known !== 'string' && known.profileId === profile.id)
      : profile.id === activeId,
  );
  const searchId = activeId ?? ready?.defaultProfileId;
  // Countdowns run on the services' clock (overview.now), which a sandbox under test may set.
  const clockOffsetMs =
    overview.state === 'ready' ? Date.parse(overview.overview.now) - overview.loadedAt : 0;

  useEffect(() => {
    if (route.page === 'start' && ready?.defaultProfileId)
      window.location.replace(`#/env/${encodeURIComponent(ready.defaultProfileId)}/search`);
  }, [route.page, ready?.defaultProfileId]);

  const search = useCallback(
    (profileId: string, query: SearchQuery) => navigate({ page: 'search', profileId, query }),
    [navigate],
  );
  const openRow = useCallback(
    (profileId: string, row: DocumentRow) =>
      navigate({ page: 'document', profileId, resourceId: row.resourceId, tab: 'metadata' }),
    [navigate],
  );
  const check = useCallback(
    (profileId: string) => {
      if (api) void api.checkEnvironment({ profileId }).then(refresh);
    },
    [api, refresh],
  );

  const info = load.state === 'ready' ? load.info : undefined;
  const pageState =
    load.state === 'failed'
      ? 'failed'
      : load.state === 'loading' || overview.state === 'loading'
        ? 'loading'
        : 'ready';
  return (
    <div className="app" data-state={pageState}>
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header">
        <h1 className="app-title">Archivist</h1>
        {ready && compared.length > 0 ? (
          <HeaderEnvironments environments={compared} profiles={ready.profiles} />
        ) : activeProfile ? (
          <span className="active-environment" aria-label="Environment in use">
            <KindBadge kind={activeProfile.kind} /> {activeProfile.displayName}
          </span>
        ) : (
          <span className="app-subtitle">Kanta test environment document inspector</span>
        )}
        {activeProfile && ready && <Operator profile={activeProfile} osUser={ready.osUser} />}
        <span className="app-header-spacer" />
        <nav aria-label="Pages" className="header-nav">
          {searchId && (
            <a
              href={`#/env/${encodeURIComponent(searchId)}/search`}
              aria-current={route.page === 'search' ? 'page' : undefined}
            >
              Search
            </a>
          )}
          <a href="#/audit" aria-current={route.page === 'audit' ? 'page' : undefined}>
            Audit
          </a>
        </nav>
        {info && <span className="app-version">v{info.version}</span>}
        <button type="button" className="link-button" onClick={() => setAboutOpen(true)}>
          About
        </button>
      </header>
      <div className="app-body">
        <nav className="app-sidebar" aria-label="Environments">
          <h2 className="sidebar-heading">Environments</h2>
          {ready && (
            <EnvironmentSwitcher
              profiles={ready.profiles}
              activeId={activeId}
              problem={ready.profilesProblem}
              onChoose={(profileId) => search(profileId, {})}
              onCheck={check}
              api={api}
              onProfilesChanged={refresh}
            />
          )}
          {overview.state === 'failed' && <ErrorNotice error={overview.error} />}
        </nav>
        <main className="app-main" id="main-content" tabIndex={-1}>
          {load.state === 'failed' && <ErrorNotice error={load.error} />}
          {activeProfile && route.page !== 'audit' && (
            <CalendarBanners profiles={bannerProfiles} nowMs={nowMs + clockOffsetMs} />
          )}
          {api && ready && route.page === 'search' && !activeProfile && (
            <ErrorNotice
              error={{
                code: 'profile-unknown',
                message: `There is no environment profile named '${route.profileId}'.`,
              }}
            />
          )}
          {api && activeProfile && route.page === 'search' && (
            <SearchPage
              key={activeProfile.id}
              api={api}
              profileId={activeProfile.id}
              isTestEnvironment={activeProfile.isTestEnvironment}
              query={route.query}
              samplePatients={
                activeProfile.id === ready?.defaultProfileId ? ready.samplePatients : []
              }
              onSearch={(query) => search(activeProfile.id, query)}
              onOpen={(row) => openRow(activeProfile.id, row)}
              onEnvironmentAnswered={refresh}
            />
          )}
          {pageApi && route.page === 'document' && (
            <DocumentPage
              key={`${route.profileId}/${route.resourceId}`}
              api={pageApi}
              profileId={route.profileId}
              resourceId={route.resourceId}
              isTestEnvironment={activeProfile?.isTestEnvironment !== false}
              tab={route.tab}
              onTab={(tab) => navigate({ ...route, tab })}
              onOpen={(resourceId) => navigate({ ...route, resourceId, tab: 'versions' })}
              onBack={() => window.history.back()}
            />
          )}
          {pageApi && route.page === 'compare' && (
            <ComparePage
              key={`${route.left}|${route.right}|${route.ignore}`}
              api={pageApi}
              left={route.left}
              right={route.right}
              ignore={route.ignore}
              mode={route.mode}
            />
          )}
          {api && route.page === 'audit' && (
            <AuditPage
              key={JSON.stringify(route.filter)}
              api={api}
              filter={route.filter}
              onFilter={(filter) => navigate({ page: 'audit', filter })}
            />
          )}
        </main>
      </div>
      {info && (
        <footer className="status-bar">
          Data folder <code>{info.dataFolder}</code> ·{' '}
          {bridge?.kind === 'electron' ? 'Desktop app' : 'Browser harness (development)'}
        </footer>
      )}
      {isAboutOpen && <AboutPanel version={info?.version} onClose={() => setAboutOpen(false)} />}
    </div>
  );
}
