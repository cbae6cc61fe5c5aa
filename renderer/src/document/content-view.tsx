/**
 * The Content tab: the document's text with line numbers and syntax highlighting (React
 * elements only), virtualised so a 20 MB document stays responsive, with its own find (Ctrl+F,
 * Enter / Shift+Enter for next / previous), because the browser's find cannot see lines that
 * are not rendered. Long Base64 runs are folded to their size and SHA-256, with a save button.
 */
import { contentLanguage } from '../../../shared/documents/content-language';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { decodeBase64 } from '../../../shared/crypto/base64';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { downloadBytes } from './download';
import { contentLines, findLines, tokenizeXmlLine, type ContentLine } from './content-lines';

const lineHeight = 20;

function highlight(text: string, needle: string): ReactNode {
  if (!needle) return text;
  const lower = text.toLowerCase();
  const wanted = needle.toLowerCase();
  const parts: ReactNode[] = [];
  let from = 0;
  for (let at = lower.indexOf(wanted); at !== -1; at = lower.indexOf(wanted, from)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + wanted.length)}</mark>);
    from = at + wanted.length;
  }
  parts.push(text.slice(from));
  return parts;
}

function XmlLine({ text, needle, isXml }: { text: string; needle: string; isXml: boolean }) {
  if (!isXml) return <>{highlight(text, needle)}</>;
  return (
    <>
      {tokenizeXmlLine(text).map((token, index) => (
        <span key={index} className={`xml-${token.kind}`}>
          {highlight(token.text, needle)}
        </span>
      ))}
    </>
  );
}

function Base64Fold({ line }: { line: Extract<ContentLine, { kind: 'base64' }> }) {
  const decoded = useMemo(() => decodeBase64(line.base64), [line.base64]);
  const hash = useMemo(() => (decoded.ok ? sha256Hex(decoded.value) : undefined), [decoded]);
  return (
    <span className="base64-fold">
      {line.before}
      <span className="base64-summary">
        [Base64:{' '}
        {decoded.ok ? `${decoded.value.byteLength.toLocaleString('en')} bytes` : 'not decodable'}
        {hash ? `, sha256 ${hash}` : ''}
        {line.lineCount > 1 ? `, ${line.lineCount} lines folded` : ''}]
      </span>
      {decoded.ok && (
        <button
          type="button"
          className="small-button"
          onClick={() =>
            downloadBytes(`attachment-${hash?.slice(0, 12) ?? 'data'}.bin`, decoded.value)
          }
        >
          Save
        </button>
      )}
      {line.after}
    </span>
  );
}

export function ContentView({
  text,
  kind,
  languageCode,
}: {
  readonly text: string;
  readonly kind: 'xml' | 'json';
  /** The document's language, for its lines' lang (contentLanguage). */
  readonly languageCode?: string | undefined;
}) {
  const lang = contentLanguage(languageCode);
  const lines = useMemo(() => contentLines(text, kind), [text, kind]);
  const [isFindOpen, setFindOpen] = useState(false);
  const [needle, setNeedle] = useState('');
  const [hitIndex, setHitIndex] = useState(0);
  const hits = useMemo(() => findLines(lines, needle), [lines, needle]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  // The project does not run the React Compiler; the virtualiser's functions are used as-is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => lineHeight,
    overscan: 20,
  });

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFindOpen(true);
        requestAnimationFrame(() => findRef.current?.select());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const current = hits.length > 0 ? Math.min(hitIndex, hits.length - 1) : -1;
  const currentLine = current >= 0 ? hits[current] : undefined;

  function go(by: number): void {
    if (hits.length === 0) return;
    const next = (Math.max(current, 0) + by + hits.length) % hits.length;
    setHitIndex(next);
    virtualizer.scrollToIndex(hits[next] ?? 0, { align: 'center' });
  }

  const numberWidth = String(lines.length).length;
  return (
    <div className="content-view">
      {isFindOpen && (
        <div className="find-bar" role="search">
          <label>
            Find{' '}
            <input
              ref={findRef}
              type="search"
              value={needle}
              onChange={(event) => {
                setNeedle(event.target.value);
                setHitIndex(0);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  go(event.shiftKey ? -1 : 1);
                } else if (event.key === 'Escape') {
                  // Back to the text being searched, not to the page's start.
                  setFindOpen(false);
                  scrollRef.current?.focus();
                }
              }}
            />
          </label>
          <span role="status" className="find-count">
            {needle === ''
              ? ''
              : hits.length === 0
                ? 'No matches'
                : `Line ${(currentLine ?? 0) + 1}: match ${current + 1} of ${hits.length} lines`}
          </span>
          <button type="button" onClick={() => go(-1)} disabled={hits.length === 0}>
            Previous
          </button>
          <button type="button" onClick={() => go(1)} disabled={hits.length === 0}>
            Next
          </button>
          <button type="button" onClick={() => setFindOpen(false)}>
            Close
          </button>
        </div>
      )}
      {!isFindOpen && (
        <p className="muted content-hint">
          {lines.length.toLocaleString('en')} lines. Ctrl+F finds text.{' '}
          <button type="button" className="small-button" onClick={() => setFindOpen(true)}>
            Find
          </button>
        </p>
      )}
      <div
        ref={scrollRef}
        className="content-scroll"
        tabIndex={0}
        role="region"
        aria-label="Document text"
      >
        <div className="content-lines" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index];
            if (!line) return null;
            return (
              <div
                key={item.index}
                className={`content-line${item.index === currentLine ? ' is-current-hit' : ''}`}
                data-line={item.index + 1}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span className="line-number" aria-hidden="true">
                  {String(item.index + 1).padStart(numberWidth)}
                </span>
                <code className="line-text" lang={line.kind === 'text' ? lang : undefined}>
                  {line.kind === 'text' ? (
                    <XmlLine text={line.text} needle={needle} isXml={kind === 'xml'} />
                  ) : (
                    <Base64Fold line={line} />
                  )}
                </code>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
