#!/usr/bin/env node
// End-to-end runner (`npm run test:e2e`, after `vite build`): serves dist/ on a loopback port,
// drives the system Chromium through playwright-core, runs every tests/e2e/*.spec.mjs, and prints
// "N passed, M failed". Exit code 1 on any failure.
//   node tests/e2e/run.mjs [filter]     run only tests whose name contains filter
import { readdir, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveDir, launchChromium } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const filter = process.argv[2] ?? '';
const TEST_TIMEOUT_MS = 90_000;

const server = await serveDir(join(root, 'dist'));
const browser = await launchChromium();
const shots = join(root, 'test-results');
await mkdir(shots, { recursive: true });

const files = (await readdir(here)).filter((f) => f.endsWith('.spec.mjs')).sort();
let passed = 0;
let failed = 0;
for (const f of files) {
  const mod = await import(pathToFileURL(join(here, f)).href);
  for (const t of mod.tests) {
    if (filter && !t.name.includes(filter)) continue;
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const started = Date.now();
    try {
      await Promise.race([
        t.run({ page, baseUrl: server.url, root, shots, errors }),
        new Promise((_, rej) => setTimeout(() => rej(new Error(`timed out after ${TEST_TIMEOUT_MS}ms`)), TEST_TIMEOUT_MS)),
      ]);
      if (errors.length && !t.allowPageErrors) throw new Error(`uncaught page errors: ${errors.join(' | ')}`);
      passed++;
      console.log(`  ✓ ${f} › ${t.name} (${Date.now() - started}ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✗ ${f} › ${t.name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n      ')}`);
      await page.screenshot({ path: join(shots, `FAILED-${t.name.replace(/\W+/g, '_')}.png`) }).catch(() => {});
    } finally {
      await context.close();
    }
  }
}
await browser.close();
await server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
