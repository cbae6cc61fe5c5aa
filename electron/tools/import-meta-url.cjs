// esbuild shim: sources are ES modules that use import.meta.url; the bundles are CommonJS.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
