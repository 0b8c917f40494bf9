import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { reactToPreact } from './vite.config.js';

export default defineConfig({
  // Tests render with what ships: Preact behind the same react aliases as the build.
  resolve: { alias: reactToPreact },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // One production build for every browser test file of the run.
    globalSetup: ['test/support/toolbar-build.global.ts'],
    environment: 'node',
    // Every core runs test files (vitest's default leaves one idle: on 2 cores that is one worker,
    // 3:04 instead of 1:58 for the whole run; tsc beside it is short).
    maxWorkers: availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // @testing-library/react and @xstate/react (with its CJS use-sync-external-store) require()
    // 'react' from CommonJS, which Node would resolve past the aliases to the real React. The
    // optimizer (used by the jsdom tests) pre-bundles them to ESM and leaves the react* imports
    // bare (excluded, else the bundle would get its own CJS copy of Preact); inlining the bundles
    // sends those imports through the aliases to the one Preact instance the components use.
    deps: {
      optimizer: {
        client: {
          enabled: true,
          include: ['@testing-library/react', '@xstate/react'],
          exclude: ['react', 'react-dom', 'react-dom/client', 'react-dom/test-utils'],
        },
      },
    },
    // lucide-react's icons (ESM) import 'react' too: inlined, they reach the same Preact.
    server: { deps: { inline: [/\/node_modules\/\.vite\/vitest\//, /\/node_modules\/lucide-react\//] } },
  },
});
