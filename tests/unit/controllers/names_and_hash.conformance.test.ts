// names_and_hash.json: SafeEncodeString, the pod-template-hash shape, generated names.
import { describe, expect, test } from 'vitest';
import { loadConformance } from '../conformance';
import { computeHash, fnv32a, safeEncodeString } from '../../../src/engine/controllers/controller_utils/hash';
import { podsPrefix } from '../../../src/engine/controllers/controller_utils/pod_control';
import { generateReplicaSetName } from '../../../src/engine/controllers/deployment/util/deployment_util';
import { cases } from './vectors';

const V = loadConformance('names_and_hash.json');

describe('SafeEncodeString', () => {
  test.each(cases(V.safeEncodeString.vectors, (v) => v.input))('%s', (_n, v: any) => {
    expect(safeEncodeString(v.input)).toBe(v.expected);
  });
  test('digit map', () => {
    for (const [digit, ch] of Object.entries(V.safeEncodeString.digitMap)) expect(safeEncodeString(digit)).toBe(ch);
  });
});

describe('pod-template-hash', () => {
  test('FNV-1a 32 sanity values', () => {
    for (const v of V.podTemplateHash.fnv32aSanity) expect(fnv32a(new TextEncoder().encode(v.input))).toBe(v.sum32);
  });

  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };

  test('has the real charset and length, and is a function of the template alone', () => {
    const h = computeHash(template);
    expect(h).toMatch(new RegExp(`^[${V.podTemplateHash.resultCharset.join('')}]{1,10}$`));
    expect(computeHash(JSON.parse(JSON.stringify(template)))).toBe(h);
    // Key order does not matter (spew sorts keys).
    expect(computeHash({ spec: template.spec, metadata: template.metadata })).toBe(h);
  });

  test('changes with the template and with collisionCount', () => {
    const h = computeHash(template);
    const other = { ...template, spec: { containers: [{ name: 'web', image: 'nginx:1.28' }] } };
    expect(computeHash(other)).not.toBe(h);
    expect(computeHash(template, 0)).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 0));
  });
});

describe('generated names', () => {
  test('controller pods use "<controller>-" as generateName', () => {
    expect(podsPrefix('web-5f84b7585b')).toBe('web-5f84b7585b-');
  });
  test.each(cases(V.replicaSetName.vectors.slice(0, 1), (v) => v.deploymentName))('RS name for %s', (_n, v: any) => {
    expect(generateReplicaSetName(v.deploymentName, v.hash)).toBe(v.expected);
  });
});
