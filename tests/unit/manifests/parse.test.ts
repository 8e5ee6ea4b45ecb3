import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/manifests/parse';
import { toObjects } from '../../../src/manifests/objects';
import { parseFieldPath } from '../../../src/manifests/fieldPath';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
      - name: side
`;

describe('field paths', () => {
  it('splits dotted paths, indexes and bracketed keys', () => {
    expect(parseFieldPath('spec.template.spec.containers[0].image')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
});

describe('parseManifests positions', () => {
  const p = parseManifests(DEPLOY, 'web.yaml');
  const doc = p.docs[0];

  it('finds the value of a field', () => {
    expect(doc.positionOf('spec.replicas')).toMatchObject({ line: 6, column: 13 });
    expect(doc.positionOf('spec.template.spec.containers[0].image')).toMatchObject({ line: 11, column: 16 });
    expect(doc.keyPositionOf('spec.replicas')).toMatchObject({ line: 6, column: 3 });
  });

  it('falls back to the nearest parent that exists', () => {
    expect(doc.positionOf('spec.template.spec.containers[1].image')).toMatchObject({ line: 12, column: 9 });
    expect(doc.positionOf('spec.selector')).toMatchObject({ line: 6, column: 3 });
  });

  it('keeps document order and positions across documents', () => {
    const two = parseManifests(`${DEPLOY}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n`, 'x.yaml');
    expect(two.docs).toHaveLength(2);
    expect(two.docs[1].positionOf('metadata.name')).toMatchObject({ line: 17, column: 9 });
  });

  it('words common YAML syntax errors as go-yaml does', () => {
    const msg = (t: string) => parseManifests(t, 'f.yaml').diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
    expect(msg('a: b: c\n')).toEqual(['1:4: error converting YAML to JSON: yaml: mapping values are not allowed in this context']);
    expect(msg('a:\n\tb: 1\n')).toEqual(['2:1: error converting YAML to JSON: yaml: found character that cannot start any token']);
    expect(msg('a: 1\nb: 2\na: 3\n')).toEqual(['3:1: error converting YAML to JSON: yaml: unmarshal errors: mapping key "a" already defined']);
    expect(msg('a: [1, 2\n')).toEqual(["2:1: error converting YAML to JSON: yaml: did not find expected ',' or ']'"]);
  });

  it('reports YAML syntax errors at their line and column', () => {
    const bad = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a, b\n', 'bad.yaml');
    expect(bad.diagnostics).toHaveLength(1);
    expect(bad.diagnostics[0]).toMatchObject({ file: 'bad.yaml', line: 5, column: 1, severity: 'error' });
    expect(bad.diagnostics[0].message).toMatch(/^error converting YAML to JSON: yaml: /);
  });
});

describe('toObjects: what kubectl checks before sending', () => {
  const diag = (text: string) => toObjects(parseManifests(text, 'f.yaml')).diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);

  it('rejects documents without apiVersion or kind with kubectl validation wording', () => {
    expect(diag('metadata: {name: x}\n')).toEqual([
      '1:1: error validating "f.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
    expect(diag('apiVersion: v1\nmetadata: {name: x}\n')).toEqual([
      '1:1: error validating "f.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
  });

  it('rejects unknown kinds like the RESTMapper', () => {
    expect(diag('apiVersion: v1\nkind: Foo\nmetadata: {name: x}\n')).toEqual([
      '2:7: resource mapping not found for name: "x" namespace: "" from "f.yaml": no matches for kind "Foo" in version "v1"',
    ]);
    expect(diag('apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: x, namespace: dev}\n')).toEqual([
      '2:7: resource mapping not found for name: "x" namespace: "dev" from "f.yaml": no matches for kind "Deployment" in version "apps/v1beta1"',
    ]);
  });

  it('rejects a list or a scalar as a document', () => {
    expect(diag('- a\n- b\n')).toEqual(['1:1: unable to decode "f.yaml": json: cannot unmarshal array into Go value of type map[string]interface {}']);
  });

  it('reports wrong JSON types as the API server decoder does', () => {
    expect(diag('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: three\n')).toEqual([
      '5:13: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ]);
    expect(diag('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 99999999999\n')).toEqual([
      '5:13: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 99999999999 into Go struct field DeploymentSpec.spec.replicas of type int32',
    ]);
    expect(diag('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: 5\n')).toEqual([
      '7:12: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
    ]);
    expect(diag('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: {name: c}\n')).toEqual([
      '5:15: Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    ]);
  });

  it('skips empty documents and passes valid objects through', () => {
    const r = toObjects(parseManifests(`---\n${DEPLOY}---\n`, 'f.yaml'));
    expect(r.diagnostics).toEqual([]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['web']);
  });
});
