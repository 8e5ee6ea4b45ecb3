import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/sim/simulation';
import { runKubectl } from '../../../src/engine/kubectl/index';

describe('kubectl run, expose, api-resources, top, -L', () => {
  it('creates what the generators create and prints their messages', () => {
    const sim = new Simulation({ seed: 1, freezeObjects: true });
    expect(runKubectl(sim, 'run nginx --image=nginx:1.27 --port=80').stdout).toBe('pod/nginx created\n');
    const pod = sim.get('Pod', 'default', 'nginx')!;
    expect(pod.metadata.labels).toEqual({ run: 'nginx' });
    expect(pod.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] });
    expect(runKubectl(sim, 'expose pod nginx --port=8080 --target-port=80').stdout).toBe('service/nginx exposed\n');
    expect(sim.get('Service', 'default', 'nginx')!.spec).toMatchObject({ selector: { run: 'nginx' }, ports: [{ port: 8080, targetPort: 80, protocol: 'TCP' }], type: 'ClusterIP' });
    expect(runKubectl(sim, 'get pods -L run').stdout).toBe('NAME    READY   STATUS    RESTARTS   AGE   RUN\nnginx   0/1     Pending   0          0s    nginx\n');
    expect(runKubectl(sim, 'top pods')).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 });
    const ar = runKubectl(sim, 'api-resources').stdout.split('\n');
    expect(ar[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(ar).toContainEqual(expect.stringMatching(/^pods\s+po\s+v1\s+true\s+Pod$/));
    expect(ar).toContainEqual(expect.stringMatching(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/));
  });
});
