#!/usr/bin/env node
// The `kubeplay` command: runs the TypeScript sources directly through tsx, so `npx kubeplay run
// x.yaml` works from a clean clone without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
let code;
try {
  code = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`error: ${e && e.message ? e.message : String(e)}\n`);
  code = 1;
}
process.exitCode = code;
