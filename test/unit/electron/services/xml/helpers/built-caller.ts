/** Stands in for dist/main or dist/cli in the built-layout test: parses through the resolved worker. */
import { parseXmlInWorker } from '../../../../../../electron/services/xml/parse-xml-in-worker';
import { resolveXmlWorkerScript } from '../../../../../../electron/services/xml/resolve-xml-worker';

async function main(): Promise<void> {
  const result = await parseXmlInWorker(new TextEncoder().encode('<a>built</a>'));
  process.stdout.write(JSON.stringify({ script: resolveXmlWorkerScript(), result }));
}

void main();
