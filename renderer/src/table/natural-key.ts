/**
 * A string whose plain code-unit order is the natural order of the original (digit runs compared
 * as numbers: "…10.9" before "…10.10"), so OIDs sort by a precomputed key instead of a chunking
 * comparator called 1.7 million times for 100,000 rows. Same order as react-table's
 * alphanumeric sort: a digit run sorts after text, and a run of text that ends sooner sorts first.
 */
const digitRuns = /(\d+)/;
/** Ends each text run: below every character, so "ab1" sorts before "abc1". */
const textEnd = '\u0000';
/** Starts each digit run: above every text character, so digits sort after text. */
const numberStart = '\uffff';

export function naturalKey(value: string): string {
  let key = '';
  const parts = value.split(digitRuns);
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] ?? '';
    if (index % 2 === 0) {
      if (part !== '') key += part + textEnd;
    } else {
      // Without leading zeros the length orders the numbers; the length goes first as one char.
      const digits = part.replace(/^0+(?=\d)/, '');
      key += numberStart + String.fromCharCode(digits.length) + digits;
    }
  }
  return key;
}
