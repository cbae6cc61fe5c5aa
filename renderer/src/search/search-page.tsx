/**
 * One environment's search page: the form, the first-run hint (a few test patients to try),
 * recent searches, progress with Cancel, typed errors with Retry, and the document table with
 * its "Check listed documents" (use-document-check.ts).
 */
import { useCallback, useMemo, useState } from 'react';
import type { ArchivistApi } from '../../../shared/ipc/contract';
import type { DocumentRow, SamplePatient, SearchQuery } from '../../../shared/ipc/workspace-types';
import { CompareSelected } from '../compare/compare-selected';
import { ErrorNotice } from '../components/error-notice';
import { InvalidateButton } from '../invalidation/invalidate-button';
import { InvalidationDialog } from '../invalidation/invalidation-dialog';
import { DocumentTable } from '../table/document-table';
import { describeSearch, readRecent, rememberSearch, type RecentSearch } from './recent-searches';
import { SearchForm } from './search-form';
import { useDocumentCheck } from './use-document-check';
import { useDocumentSearch } from './use-document-search';

export interface SearchPageProps {
  readonly api: ArchivistApi;
  readonly profileId: string;
  /** False: Invalidate selected… is disabled with the reason beside it. */
  readonly isTestEnvironment: boolean;
  readonly query: SearchQuery;
  readonly samplePatients: readonly SamplePatient[];
  readonly onSearch: (query: SearchQuery) => void;
  readonly onOpen: (row: DocumentRow) => void;
  readonly onEnvironmentAnswered: () => void;
}

const noRows: readonly DocumentRow[] = [];

export function SearchPage(props: SearchPageProps) {
  const { api, profileId, query, onSearch, onEnvironmentAnswered } = props;
  const queryKey = Object.keys(query).length === 0 ? '' : JSON.stringify(query);
  const [recent, setRecent] = useState<RecentSearch[]>(() => readRecent(window.localStorage));
  const [selected, setSelected] = useState<readonly DocumentRow[]>([]);
  const [invalidating, setInvalidating] = useState<readonly string[] | undefined>(undefined);

  const onFinished = useCallback(
    (result: { ok: boolean }) => {
      if (result.ok && queryKey)
        setRecent(rememberSearch(window.localStorage, { profileId, query: JSON.parse(queryKey) }));
      onEnvironmentAnswered();
    },
    [profileId, queryKey, onEnvironmentAnswered],
  );
  const { search, cancel, retry } = useDocumentSearch(api, profileId, queryKey, onFinished);
  const recentHere = useMemo(
    () => recent.filter((r) => r.profileId === profileId),
    [recent, profileId],
  );
  const isFirstRun = queryKey === '' && recentHere.length === 0;
  const searchRows = search.state === 'done' ? search.rows : noRows;
  const check = useDocumentCheck(api, profileId, searchRows, onEnvironmentAnswered);

  return (
    <section className="search-page" aria-labelledby="search-heading">
      <h2 id="search-heading">Search documents</h2>
      <SearchForm key={queryKey} initial={query} onSearch={onSearch} />
      {isFirstRun && props.samplePatients.length > 0 && (
        <aside className="first-run-hint" aria-label="Getting started">
          <p>
            <strong>Start here:</strong> this local sandbox holds synthetic documents of test
            patients. Try one:
          </p>
          <ul>
            {props.samplePatients.map((patient) => (
              <li key={patient.hetu}>
                <button
                  type="button"
                  className="link-like"
                  onClick={() => onSearch({ patient: patient.hetu })}
                >
                  {patient.hetu}
                </button>{' '}
                <span className="muted">{patient.name}</span>
              </li>
            ))}
          </ul>
        </aside>
      )}
      {queryKey === '' && recentHere.length > 0 && (
        <nav className="recent-searches" aria-label="Recent searches">
          <span className="muted">Recent:</span>
          {recentHere.map((r) => (
            <button
              key={JSON.stringify(r.query)}
              type="button"
              className="chip-button"
              onClick={() => onSearch(r.query)}
            >
              {describeSearch(r.query)}
            </button>
          ))}
        </nav>
      )}
      {search.state === 'running' && (
        <div className="search-progress" role="status">
          <progress
            max={search.total ?? undefined}
            value={search.total === undefined ? undefined : search.fetched}
            aria-label="Search progress"
          />
          <span>
            Searching… {search.fetched}
            {search.total === undefined ? '' : ` of ${search.total}`} documents fetched
          </span>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {search.state === 'failed' && (
        <div className="search-failure">
          <ErrorNotice error={search.error} />
          {search.error.code !== 'env-cancelled' && !search.error.code.startsWith('search-') && (
            <button type="button" onClick={retry}>
              Retry
            </button>
          )}
        </div>
      )}
      {search.state === 'done' && (
        <>
          {selected.length === 2 && <CompareSelected profileId={profileId} rows={selected} />}
          {selected.length > 2 && (
            <p className="selection-note" role="status">
              {selected.length} documents selected. Select exactly two to compare them. The
              selection is kept while you stay on this page.
            </p>
          )}
          {selected.length > 0 && (
            <InvalidateButton
              isTestEnvironment={props.isTestEnvironment}
              onClick={() => setInvalidating(selected.map((row) => row.resourceId))}
            >
              Invalidate selected ({selected.length})…
            </InvalidateButton>
          )}
          {invalidating && (
            <InvalidationDialog
              api={api}
              profileId={profileId}
              resourceIds={invalidating}
              onClose={(result) => {
                setInvalidating(undefined);
                // Search again so the table shows the states the environment now reports.
                if (result) retry();
              }}
            />
          )}
          <DocumentTable
            rows={check.rows}
            onOpen={props.onOpen}
            onSelectionChange={setSelected}
            check={check}
          />
        </>
      )}
    </section>
  );
}
