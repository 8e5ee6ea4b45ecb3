// Loads the shared conformance vectors (taken from Kubernetes' own unit tests) from
// ../shared/conformance beside the repository, verbatim.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONFORMANCE_DIR = path.resolve(here, '../../../shared/conformance');

export function loadConformance<T = any>(file: string): T {
  return JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, file), 'utf8')) as T;
}
