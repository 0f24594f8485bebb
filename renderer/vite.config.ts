import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Builds the renderer for the app:// scheme. The CSP in index.html allows scripts and styles
 * from 'self' only, so the build must never inline either.
 */
export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs, so the page loads wherever main serves the bundle from.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // An inlined asset becomes a data: URL, which the CSP blocks for scripts and styles.
    assetsInlineLimit: 0,
    // The polyfill is an inline <script>, which the CSP blocks; Chromium needs none.
    modulePreload: { polyfill: false },
  },
});
