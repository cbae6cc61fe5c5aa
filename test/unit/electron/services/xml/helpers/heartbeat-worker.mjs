// Never answers, but appends a dot to $ARCHIVIST_TEST_HEARTBEAT every ~20 ms while it runs, so a
// test can see when the thread has really stopped (a parse stuck in a loop, still burning a core).
import { appendFileSync } from 'node:fs';

const file = process.env.ARCHIVIST_TEST_HEARTBEAT;
let last = 0;
for (;;) {
  const now = Date.now();
  if (file && now - last >= 20) {
    appendFileSync(file, '.');
    last = now;
  }
}
