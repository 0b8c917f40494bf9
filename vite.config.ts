import { defineConfig } from 'vite';

// The toolbar page is index.html; the Fusion host simulator is a second entry (dev and build).
export default defineConfig({
  build: {
    target: 'es2022',
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
