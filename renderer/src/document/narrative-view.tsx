/**
 * The Narrative tab: each CDA section's title and text, or a social welfare document's XHTML
 * display form, rendered through the allowlist. The text is parsed with the browser's
 * DOMParser into an inert document (no script runs, nothing loads) and walked, never inserted.
 */
import { contentLanguage } from '../../../shared/documents/content-language';
import { useMemo, useState, type ReactNode } from 'react';
import type { DocumentMetadata } from '../../../shared/documents/model';
import { narrativeElements, type NarrativeOptions } from './narrative-allowlist';
import { LinkConfirm } from './link-confirm';

const cdaNamespace = 'urn:hl7-org:v3';

interface SectionView {
  readonly title: string;
  readonly body: ReactNode[];
  readonly sections: SectionView[];
}

function childrenNamed(parent: Element, name: string): Element[] {
  return Array.from(parent.children).filter(
    (child) => child.localName === name && child.namespaceURI === cdaNamespace,
  );
}

function readSection(
  section: Element,
  options: NarrativeOptions,
  truncated: { value: boolean },
): SectionView {
  const title = childrenNamed(section, 'title')[0]?.textContent?.trim() ?? '';
  const text = childrenNamed(section, 'text')[0];
  const converted = text ? narrativeElements(text, options) : { elements: [], isTruncated: false };
  if (converted.isTruncated) truncated.value = true;
  const nested = childrenNamed(section, 'component').flatMap((component) =>
    childrenNamed(component, 'section').map((child) => readSection(child, options, truncated)),
  );
  return { title, body: converted.elements, sections: nested };
}

type Narrative =
  | { kind: 'sections'; sections: SectionView[]; isTruncated: boolean }
  | { kind: 'xhtml'; body: ReactNode[]; isTruncated: boolean }
  | { kind: 'plain'; text: string }
  | { kind: 'none'; reason: string };

function readNarrative(
  text: string,
  metadata: DocumentMetadata,
  options: NarrativeOptions,
): Narrative {
  const body = metadata.body;
  if (body.kind === 'nonXml') {
    const payload = body.content;
    if (payload.text === undefined)
      return {
        kind: 'none',
        reason: `The body is ${payload.mediaType ?? 'binary data'}; see the Content tab.`,
      };
    if (/html/i.test(payload.mediaType ?? '')) {
      const html = new DOMParser().parseFromString(payload.text, 'text/html');
      const converted = narrativeElements(html.body, options);
      return { kind: 'xhtml', body: converted.elements, isTruncated: converted.isTruncated };
    }
    return { kind: 'plain', text: payload.text };
  }
  if (body.kind !== 'structured')
    return { kind: 'none', reason: 'This document has no narrative body.' };
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  if (xml.getElementsByTagName('parsererror').length > 0)
    return { kind: 'none', reason: 'The narrative could not be read from the document text.' };
  const structured = xml.getElementsByTagNameNS(cdaNamespace, 'structuredBody')[0];
  if (!structured) return { kind: 'none', reason: 'This document has no structured body.' };
  const truncated = { value: false };
  const sections = childrenNamed(structured, 'component').flatMap((component) =>
    childrenNamed(component, 'section').map((section) => readSection(section, options, truncated)),
  );
  return { kind: 'sections', sections, isTruncated: truncated.value };
}

/** One section; `lang` marks what the document wrote (its title and text), not our notes. */
function Section({ section, level, lang }: { section: SectionView; level: number; lang: string }) {
  const titleLang = section.title ? lang : undefined;
  return (
    <section className="narrative-section" aria-label={section.title || 'Untitled section'}>
      {level === 0 ? (
        <h3 lang={titleLang}>{section.title || '(untitled section)'}</h3>
      ) : (
        <h4 lang={titleLang}>{section.title || '(untitled section)'}</h4>
      )}
      <div className="narrative-text" lang={lang}>
        {section.body}
      </div>
      {section.sections.map((child, index) => (
        <Section key={index} section={child} level={level + 1} lang={lang} />
      ))}
    </section>
  );
}

export function NarrativeView({
  text,
  metadata,
  onOpenLink,
}: {
  readonly text: string;
  readonly metadata: DocumentMetadata;
  readonly onOpenLink: (url: string) => void;
}) {
  const [pendingLink, setPendingLink] = useState<string | undefined>(undefined);
  const narrative = useMemo(
    () => readNarrative(text, metadata, { onLink: setPendingLink }),
    [text, metadata],
  );
  const lang = contentLanguage(metadata.languageCode);
  return (
    <div className="narrative-view">
      {pendingLink && (
        <LinkConfirm
          url={pendingLink}
          onOpen={onOpenLink}
          onClose={() => setPendingLink(undefined)}
        />
      )}
      {narrative.kind === 'sections' &&
        (narrative.sections.length === 0 ? (
          <p className="muted">The structured body has no sections.</p>
        ) : (
          narrative.sections.map((section, index) => (
            <Section key={index} section={section} level={0} lang={lang} />
          ))
        ))}
      {narrative.kind === 'xhtml' && (
        <div className="narrative-text" lang={lang}>
          {narrative.body}
        </div>
      )}
      {narrative.kind === 'plain' && (
        <pre className="narrative-text" lang={lang}>
          {narrative.text}
        </pre>
      )}
      {narrative.kind === 'none' && <p className="muted">{narrative.reason}</p>}
      {(narrative.kind === 'sections' || narrative.kind === 'xhtml') && narrative.isTruncated && (
        <p className="muted" role="note">
          The narrative is very large or deeply nested; the rest is in the Content tab.
        </p>
      )}
    </div>
  );
}
