import { defineConfig } from 'vite';

// The toolbar page is index.html; the Fusion host simulator is a second entry (dev and build).
export default defineConfig({
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { toolbar: 'index.html', host: 'fusion-host.html' },
    },
  },
  server: { host: '127.0.0.1' },
});
