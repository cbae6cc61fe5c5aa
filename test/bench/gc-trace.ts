/**
 * Reads V8's --trace-gc output into the peak heap of a parse. Each GC line gives the heap in use
 * just before it ("Scavenge 11.6 (16.0) -> 10.5 (15.9) MB"): the heap's local maxima. The probe
 * frames the parse with two explicit GCs (reason "testing"); the peak is the largest "before"
 * value from the first to the second, including the second (the heap as the parse ended),
 * minus what the first left. Lines of other isolates (a worker thread) are ignored here.
 */

const gcLine =
  /^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: [A-Za-z -]+? ([\d.]+) \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB.*$/;

/** Peak heap growth in MB of the isolate that ran the explicit GCs, or undefined if not found. */
export function peakHeapGrowthMb(trace: string): number | undefined {
  const events = trace
    .split('\n')
    .map((line) => ({ match: gcLine.exec(line), isExplicit: line.includes(' testing') }))
    .filter(
      (event): event is { match: RegExpExecArray; isExplicit: boolean } => event.match !== null,
    );
  const main = events.find((event) => event.isExplicit)?.match[1];
  const mine = events.filter((event) => event.match[1] === main);
  const first = mine.findIndex((event) => event.isExplicit);
  const last = mine.findLastIndex((event) => event.isExplicit);
  if (first === -1 || last <= first) return undefined;
  const baseline = Number(mine[first]?.match[3]);
  const peak = Math.max(...mine.slice(first + 1, last + 1).map((event) => Number(event.match[2])));
  return peak - baseline;
}
