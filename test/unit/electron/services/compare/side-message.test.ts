import { describe, expect, it } from 'vitest';
import { sideMessage, withSideNames } from '../../../../../electron/services/compare/side-message';

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
