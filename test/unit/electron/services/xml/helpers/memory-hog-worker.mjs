// Allocates until the heap cap stops it: stands in for an entity bomb.
const hoard = [];
for (;;) hoard.push(new Array(100_000).fill({ bytes: 'x'.repeat(64) }));
