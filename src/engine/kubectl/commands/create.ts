// kubectl create -f, and the imperative generators kubectl create deployment|namespace|configmap
// (k8s.io/kubectl/pkg/cmd/create).
import type { KubeObject } from '../../api/meta';
import type { Simulation } from '../../sim/simulation';
import { readFilenameObjects } from '../manifestInput';
import { KubectlError, objectName } from '../resources';
import { flagString, ok, type KubectlResult, type ParsedArgs } from '../types';
import { withSource } from './apply';

export function create(sim: Simulation, a: ParsedArgs): KubectlResult {
  if (a.args.length > 0) return ok(`${objectName(sim.api.create(generate(a)))} created\n`);
  const { source, objects } = readFilenameObjects(a);
  const ns = flagString(a, 'namespace');
  let stdout = '';
  let stderr = '';
  for (const obj of objects) {
    try {
      const o = ns && !obj.metadata?.namespace ? { ...obj, metadata: { ...obj.metadata, namespace: ns } } : obj;
      stdout += `${objectName(sim.api.create(o))} created\n`;
    } catch (e) {
      stderr += withSource(e, 'creating', source) + '\n';
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function generate(a: ParsedArgs): KubeObject {
  const [what, name] = a.args;
  const ns = flagString(a, 'namespace') || 'default';
  if (!name) throw new KubectlError(`error: exactly one NAME is required, got 0`);
  switch (what) {
    case 'deployment':
    case 'deploy': {
      const image = flagString(a, 'image');
      if (!image) throw new KubectlError('error: required flag(s) "image" not set');
      const replicas = Number(flagString(a, 'replicas', '1'));
      // Container name: the image's last path segment without tag (createDeployment buildPodSpec).
      const cname = image.split('/').pop()!.split(':')[0].split('@')[0];
      const labels = { app: name };
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ns, labels },
        spec: {
          replicas,
          selector: { matchLabels: labels },
          template: { metadata: { labels }, spec: { containers: [{ name: cname, image, ...portOf(a) }] } },
        },
      };
    }
    case 'namespace':
    case 'ns':
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    case 'configmap':
    case 'cm': {
      const data: Record<string, string> = {};
      for (const lit of a.multi['from-literal'] ?? []) {
        const i = lit.indexOf('=');
        if (i < 1) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
        data[lit.slice(0, i)] = lit.slice(i + 1);
      }
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data };
    }
    default:
      throw new KubectlError(`error: unknown command "${what}" for "kubectl create"`);
  }
}

function portOf(a: ParsedArgs): { ports?: { containerPort: number }[] } {
  const p = flagString(a, 'port');
  return p ? { ports: [{ containerPort: Number(p) }] } : {};
}
