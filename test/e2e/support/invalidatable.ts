/**
 * A document the invalidation specs may invalidate: current, of the sandbox's first sample test
 * patient, with no identity-code problem in its row, found through the app's own search.
 */
import type { AppWorkspace } from '../../../electron/services/workspace/app-workspace';
import type { DocumentRow } from '../../../shared/ipc/workspace-types';

export async function invalidatableDocument(app: AppWorkspace): Promise<DocumentRow> {
  const overview = await app.workspace.overview();
  const patient = overview.ok ? (overview.value.samplePatients[0]?.hetu ?? '') : '';
  const found = await app.workspace.search(
    { profileId: 'sandbox', searchId: 'e2e-pick', query: { patient } },
    () => undefined,
  );
  const row = found.ok
    ? found.value.rows.find((r) => r.status === 'current' && r.identityProblems.length === 0)
    : undefined;
  if (!row) throw new Error('the sandbox has no current test document for the sample patient');
  return row;
}
