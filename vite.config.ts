import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { compileHints } from './scripts/vite-compile-hints.ts';
import { preloadEntryImports } from './scripts/vite-preload-entry-imports.ts';
import { relaxedSimdFlags } from './scripts/relaxed-simd.mjs';

export default defineConfig({
  // Relative asset URLs: the built site works when served from any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadEntryImports(), compileHints(['index', 'start', 'plotly'])],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // Plotly in a chunk of its own (see src/app/plots/plotlyLoader.ts), the module that imports it with it.
    rollupOptions: { output: { manualChunks: (id) => (id.includes('/node_modules/plotly.js') || id.endsWith('/src/app/plots/plotly.ts') ? 'plotly' : undefined) } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Node 20 has relaxed SIMD behind a flag (Chromium ships it, Node 22 too): without it the
    // kernel's relaxed build, the one the app runs, could not be tested here.
    execArgv: relaxedSimdFlags(),
  },
});
