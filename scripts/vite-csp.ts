/**
 * The Content-Security-Policy of the built site: only what the app needs. Added to the
 * built index.html only; the dev server injects inline scripts for hot reload.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // WebAssembly compilation is the only dynamic code the app runs.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // Plotly sets inline styles on the SVG it draws.
  "style-src 'self' 'unsafe-inline'",
  // data: and blob: for Plotly's PNG download and the exported files.
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
