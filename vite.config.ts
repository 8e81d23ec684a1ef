import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './scripts/vite-csp.ts';
import { firstDownloadPlugin } from './scripts/vite-first-download.ts';
import { relaxedSimdFlags } from './scripts/relaxed-simd.mjs';

/**
 * Cross-origin isolation, which SharedArrayBuffer needs: with it the training worker splits
 * large steps across helper threads (docs/threads.md says what a static host must send).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative asset URLs: the built site works when served from any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy(), firstDownloadPlugin()],
  worker: { format: 'es' },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Node 20 has relaxed SIMD behind a flag (Chromium ships it, Node 22 too): without it the
    // kernel's relaxed build, the one the app runs, could not be tested here.
    execArgv: relaxedSimdFlags(),
  },
});
