// esbuild shim: sources are ES modules that use import.meta.url; the bundles are CommonJS.
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
