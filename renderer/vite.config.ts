import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative base: the same build is served from app://archivist/ and from the loopback harness.
// (This file runs in Node at build time; import.meta.dirname keeps it free of node: imports.)
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${import.meta.dirname}/../dist/renderer`,
    emptyOutDir: true,
    sourcemap: true,
    // No inline assets: the CSP allows only 'self' for scripts and styles.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
