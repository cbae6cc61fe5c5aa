import { describe, expect, it } from 'vitest';
import { sideMessage } from '../../../../../electron/services/compare/side-message';

describe('sideMessage', () => {
  it('names the side once when the message is about "the document"', () => {
    expect(sideMessage('right', 'The document is empty (0 bytes).')).toBe(
      'The right document is empty (0 bytes).',
    );
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
