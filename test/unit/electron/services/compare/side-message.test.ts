import { describe, expect, it } from 'vitest';
import {
  fetchFailureMessage,
  sideMessage,
  withSideNames,
} from '../../../../../electron/services/compare/side-message';

describe('sideMessage', () => {
  it('names the side once when the message is about "the document"', () => {
    expect(sideMessage('right', 'The document is empty (0 bytes).')).toBe(
      'The right document is empty (0 bytes).',
    );
  });

  it('makes "Archivist cannot read this: …" one sentence about the side', () => {
    expect(sideMessage('right', 'Archivist cannot read this: the root element is <foo>.')).toBe(
      'The right document is not one Archivist can read: the root element is <foo>.',
    );
  });

  it("names the side's file in every form sideMessage makes, and leaves other messages", () => {
    const names = { left: 'lmx.xml', right: 'dir/mitx.xml' };
    for (const [side, inner, named] of [
      ['right', 'The document is empty (0 bytes).', 'The right document (dir/mitx.xml) is empty'],
      ['left', 'Line 3 is not well-formed.', 'The left document (lmx.xml): line 3'],
      ['left', 'Archivist cannot read this: x.', 'The left document (lmx.xml) is not one'],
    ] as const) {
      const message = withSideNames(sideMessage(side, inner), names);
      expect(message.slice(0, named.length)).toBe(named);
    }
    expect(withSideNames('The compare worker stopped.', names)).toBe('The compare worker stopped.');
  });

  it('lower-cases the inner sentence after a colon, but not an acronym', () => {
    expect(sideMessage('left', 'Line 3 is not well-formed.')).toBe(
      'The left document: line 3 is not well-formed.',
    );
    expect(sideMessage('left', 'XML declarations must come first.')).toBe(
      'The left document: XML declarations must come first.',
    );
  });
});

describe('fetchFailureMessage', () => {
  it('names the side and its environment in a fetch failure', () => {
    expect(
      fetchFailureMessage(
        'left',
        'Down environment · seed-doc-50',
        'Cannot reach 127.0.0.1:47899: the connection was refused (nothing listens on that port). Tried 3 times.',
      ),
    ).toBe(
      'The left document (Down environment · seed-doc-50): cannot reach 127.0.0.1:47899: the connection was refused (nothing listens on that port). Tried 3 times.',
    );
  });

  it('names the right side as right, and leaves a message that already names its side', () => {
    expect(fetchFailureMessage('right', 'file b.xml', 'The file b.xml is gone.')).toBe(
      'The right document (file b.xml): the file b.xml is gone.',
    );
    const named = 'The left document (Down environment · doc-1): cannot reach x.';
    expect(fetchFailureMessage('left', 'down · doc-1', named)).toBe(named);
  });
});
