/**
 * Reading that stops early at a stop element (the header reader stops at the body): every element
 * still open keeps the children read up to that point, and the stop element is the last of them.
 */
import { describe, expect, it } from 'vitest';
import { readPrepared } from '../../../../../electron/services/xml/parse-xml';
import { defaultXmlLimits } from '../../../../../electron/services/xml/xml-limits';

describe('reading stopped at an element', () => {
  it('leaves the open elements with the children read so far', () => {
    const text = '<r><a>x<b/><!--c--><stop><inside/></stop><after/></a><later/></r>';
    const read = readPrepared(text, defaultXmlLimits, (element) => element.name === 'stop');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.isStopped).toBe(true);
    expect(read.value.root).toMatchObject({
      name: 'r',
      children: [
        {
          name: 'a',
          children: [
            { kind: 'text', text: 'x' },
            { kind: 'element', name: 'b', children: [] },
            { kind: 'comment', text: 'c' },
            { kind: 'element', name: 'stop', children: [] },
          ],
        },
      ],
    });
    expect(read.value.root.children).toHaveLength(1);
  });
});
