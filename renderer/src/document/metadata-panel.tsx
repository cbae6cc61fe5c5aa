/**
 * The Metadata tab: grouped fields, archive-filled ones marked, each value copyable; with the
 * environment's DocumentReference as its own group when the document came from one.
 */
import { contentLanguage } from '../../../shared/documents/content-language';
import type { DocumentMetadata } from '../../../shared/documents/model';
import { CopyButton } from '../components/copy-button';
import { metadataGroups, type ReferenceView } from './metadata-groups';

export interface MetadataPanelProps {
  readonly metadata: DocumentMetadata;
  readonly reference?: ReferenceView;
}

export function MetadataPanel({ metadata, reference }: MetadataPanelProps) {
  // Values are what the document wrote (titles, names, code labels): in its language.
  const lang = contentLanguage(metadata.languageCode);
  return (
    <div className="metadata-panel">
      {metadataGroups(metadata, 'fi', reference).map((group) => (
        <section key={group.title} className="metadata-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.fields.map((field, index) => (
              <div
                key={`${field.label}-${index}`}
                className={`metadata-field${field.problem ? ' has-problem' : ''}`}
              >
                <dt>
                  {field.label}
                  {field.isArchiveFilled && (
                    <span
                      className="archive-filled"
                      title="Filled or changed by the archive when stored"
                    >
                      {' '}
                      (archive-filled)
                    </span>
                  )}
                </dt>
                <dd>
                  <code lang={lang}>{field.value}</code>
                  {field.problem && <span className="field-problem"> ⚠ {field.problem}</span>}
                  <CopyButton value={field.value} label={field.label} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
