#!/usr/bin/env node
// Builds the engine benchmarks as production bundles (`npm run bench` runs them): Vite's server
// build of the same TypeScript the Web Worker bundle is made from, so the numbers are those of
// shipped code rather than of on-the-fly transpiling. Output: bench/.build/{engine,scheduler}.js.
import { build } from 'vite';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: join(root, 'bench/.build'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        engine: join(root, 'bench/engine.bench.ts'),
        scheduler: join(root, 'bench/scheduler.bench.ts'),
      },
    },
  },
});
