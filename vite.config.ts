import { defineConfig, type Alias } from 'vite';

/**
 * The UI is written against React's API and types (@types/react) but runs on Preact through
 * preact/compat: react-dom alone was ~65 KB of the toolbar's gzip (DESIGN "Budgets").
 * Anchored patterns, so each specifier maps exactly; vitest.config.ts uses the same list.
 */
export const reactToPreact: Alias[] = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  // Tests only: RTL 16 takes React.act, absent from preact/compat, else react-dom/test-utils' act.
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
];

// The toolbar page is index.html; the Fusion host simulator is a second entry (dev and build).
export default defineConfig({
  resolve: { alias: reactToPreact },
  build: {
    target: 'es2022',
    // Every browser Fusion supports has <link rel=modulepreload>; without it the polyfill only skips preloading.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { toolbar: 'index.html', host: 'fusion-host.html', 'uef-client': 'src/sim/fusion/uef-client.ts' },
      output: {
        // The simulated UEF client is loaded by URL as a classic script, so it needs a fixed name.
        entryFileNames: (chunk) => (chunk.name === 'uef-client' ? 'sim/uef-client.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { host: '127.0.0.1' },
});
