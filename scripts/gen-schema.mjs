#!/usr/bin/env node
// Generates src/manifests/schema/kubernetes.schema.json: a JSON-schema subset of the Kubernetes
// API for the kinds Kubeplay serves, for the editor's completion, hover and validation.
//
// Source: the `kubernetes-types` package pinned in package-lock.json (1.30.0), which is itself
// generated from the Kubernetes OpenAPI spec (swagger.json); its doc comments are the API's field
// descriptions. We read its .d.ts files with the TypeScript compiler API. Server-owned fields
// (`readonly`, i.e. status) are left out: users do not write them.
//
// Run: node scripts/gen-schema.mjs   (re-run after upgrading kubernetes-types)
import ts from 'typescript';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const typesDir = join(root, 'node_modules/kubernetes-types');
const version = JSON.parse(readFileSync(join(typesDir, 'package.json'), 'utf8')).version;

/** Top-level kinds: [module path, interface name]. */
const KINDS = [
  ['core/v1', 'Pod'], ['core/v1', 'Service'], ['core/v1', 'ConfigMap'], ['core/v1', 'Secret'], ['core/v1', 'Namespace'],
  ['core/v1', 'Node'], ['core/v1', 'ServiceAccount'], ['core/v1', 'PersistentVolumeClaim'], ['core/v1', 'ResourceQuota'],
  ['core/v1', 'LimitRange'], ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'], ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['policy/v1', 'PodDisruptionBudget'], ['scheduling/v1', 'PriorityClass'],
];

const program = ts.createProgram(
  KINDS.map(([m]) => join(typesDir, `${m}.d.ts`)),
  { target: ts.ScriptTarget.ES2022, types: [] },
);
const checker = program.getTypeChecker();
const defs = {};

function docOf(sym) {
  return ts.displayPartsToString(sym.getDocumentationComment(checker)).trim();
}

function defName(sym) {
  const decl = sym.declarations?.[0];
  const file = decl?.getSourceFile().fileName ?? '';
  const mod = file.slice(typesDir.length + 1).replace(/\.d\.ts$/, '').replace(/\//g, '.');
  return `${mod}.${sym.getName()}`;
}

function schemaOfType(type) {
  // resource.Quantity is a string in the types, but YAML users write `cpu: 1` as a number.
  if (type.aliasSymbol?.getName() === 'Quantity') return { anyOf: [{ type: 'string' }, { type: 'number' }] };
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const lits = parts.filter((t) => t.isStringLiteral());
    if (lits.length === parts.length) return { type: 'string', enum: lits.map((t) => t.value) };
    const hasNum = parts.some((t) => t.flags & ts.TypeFlags.Number);
    const hasStr = parts.some((t) => t.flags & ts.TypeFlags.String);
    if (hasNum && hasStr) return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
    if (parts.length === 1) return schemaOfType(parts[0]);
    return {};
  }
  if (type.flags & ts.TypeFlags.String) return { type: 'string' };
  if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
  if (type.flags & ts.TypeFlags.Boolean || type.flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean' };
  if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
  if (checker.isArrayType(type)) return { type: 'array', items: schemaOfType(checker.getTypeArguments(type)[0]) };
  const index = type.getStringIndexType?.();
  if (index && type.getProperties().length === 0) return { type: 'object', additionalProperties: schemaOfType(index) };
  const sym = type.aliasSymbol ?? type.getSymbol();
  if (sym && type.getProperties().length > 0) {
    const name = defName(sym);
    if (!(name in defs)) {
      defs[name] = {};
      defs[name] = objectSchema(type, sym);
    }
    return { $ref: `#/definitions/${name}` };
  }
  if (type.flags & ts.TypeFlags.Object) return { type: 'object' };
  return {};
}

function objectSchema(type, sym, skipReadonly = true) {
  const properties = {};
  const required = [];
  for (const p of type.getProperties()) {
    const decl = p.valueDeclaration ?? p.declarations?.[0];
    if (skipReadonly && decl && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly) continue;
    const pt = checker.getTypeOfSymbolAtLocation(p, decl);
    let s = schemaOfType(pt);
    // The alias is lost inside index signatures: read it from the declaration text.
    const text = decl?.type?.getText() ?? '';
    if (/\bQuantity\b/.test(text)) {
      const q = { anyOf: [{ type: 'string' }, { type: 'number' }] };
      s = s.type === 'object' ? { type: 'object', additionalProperties: q } : q;
    }
    const d = docOf(p);
    properties[p.getName()] = d ? { description: d, ...s } : s;
    if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.getName());
  }
  const out = { type: 'object', title: sym.getName() };
  const d = docOf(sym);
  if (d) out.description = d;
  out.properties = properties;
  if (required.length) out.required = required;
  return out;
}

const oneOf = [];
for (const [mod, name] of KINDS) {
  const sf = program.getSourceFile(join(typesDir, `${mod}.d.ts`));
  const msym = checker.getSymbolAtLocation(sf);
  const sym = checker.getExportsOfModule(msym).find((s) => s.getName() === name);
  if (!sym) throw new Error(`${mod} ${name} not found`);
  const type = checker.getDeclaredTypeOfSymbol(sym);
  const s = objectSchema(type, sym);
  // apiVersion and kind are what select the schema: make them required and exact.
  s.required = [...new Set(['apiVersion', 'kind', ...(s.required ?? [])])];
  const key = `${mod.replace(/\//g, '.')}.${name}`;
  defs[key] = s;
  oneOf.push({ $ref: `#/definitions/${key}` });
}

// Kubeplay's own Scenario document (DESIGN.md "Input documents").
defs['kubeplay.v1.Scenario'] = {
  type: 'object',
  description: 'A Kubeplay scenario: the seed of the simulation and timed steps. Real Kubernetes does not know this kind; Kubeplay reads it and does not send it to the cluster.',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string', enum: ['kubeplay.dev/v1'] },
    kind: { type: 'string', enum: ['Scenario'] },
    metadata: { type: 'object', properties: { name: { type: 'string', description: 'Name of the scenario.' } } },
    spec: {
      type: 'object',
      properties: {
        seed: { type: 'integer', minimum: 0, description: 'Seed of the simulation: the same seed gives the same names, timings and failures.' },
        steps: {
          type: 'array',
          description: 'Changes made at given simulated times.',
          items: {
            type: 'object',
            required: ['at'],
            properties: {
              at: { type: 'string', pattern: '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$', description: 'When, as a Go duration from the start: "30s", "2m", "1m30s".' },
              kubectl: { type: 'string', description: 'A kubectl command line, e.g. "set image deployment/web web=nginx:1.27".' },
              apply: { type: 'string', description: 'Manifests to apply (a YAML text, e.g. a block scalar `|`).' },
              node: {
                type: 'object',
                required: ['name', 'action'],
                properties: {
                  name: { type: 'string', description: 'Node name, e.g. worker-2.' },
                  action: { type: 'string', enum: ['stop', 'start'], description: 'stop: the kubelet stops heartbeating; start: it comes back.' },
                },
              },
            },
          },
        },
      },
    },
  },
};
oneOf.push({ $ref: '#/definitions/kubeplay.v1.Scenario' });

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $comment: `Generated by scripts/gen-schema.mjs from kubernetes-types ${version} (Kubernetes OpenAPI). Do not edit.`,
  oneOf,
  definitions: defs,
};
const out = join(root, 'src/manifests/schema/kubernetes.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(schema) + '\n');
console.log(`wrote ${out}: ${Object.keys(defs).length} definitions, ${(JSON.stringify(schema).length / 1024).toFixed(0)} KiB`);
