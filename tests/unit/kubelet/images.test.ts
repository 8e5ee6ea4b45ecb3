// The simulated registry's rule (src/engine/workload/images.ts) and the image manager's pull
// back-off (pkg/kubelet/images/image_manager.go: key podUID_image, 10s doubling to 300s, measured
// from the failed pull; the kubelet reports ErrImagePull, then ImagePullBackOff on the next sync).
import { describe, expect, it } from 'vitest';
import { parseImage, resolveImage } from '../../../src/engine/workload/images';
import { cstatus, newSim, pod, times } from './helpers';

function pull(image: string) {
  const p = parseImage(image);
  if (!p.ok) return `invalid: ${p.error}`;
  const r = resolveImage(p.ref);
  return r.ok ? 'ok' : r.error;
}

describe('simulated registry', () => {
  it('never rejects real images', () => {
    for (const image of [
      'nginx',
      'nginx:1.27',
      'nginx:1.27.3-alpine',
      'nginx:stable-alpine',
      'busybox:1.36',
      'redis:7-alpine',
      'postgres:16',
      'registry.example.com/team/app:v3',
      'ghcr.io/org/x@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'registry.k8s.io/pause:3.10',
      'bitnami/redis:7.2',
      'localhost:5000/app',
      'traefik:v3.1',
      'caddy',
      'myorg/whatever:anything',
    ]) {
      expect([image, pull(image)]).toEqual([image, 'ok']);
    }
  });

  it('reports a missing tag of an official image as not found (containerd wording)', () => {
    expect(pull('nginx:1.99999')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99999": failed to resolve reference "docker.io/library/nginx:1.99999": docker.io/library/nginx:1.99999: not found',
    );
    expect(pull('nginx:ltest')).toContain('docker.io/library/nginx:ltest: not found');
    expect(pull('nginx:2')).toContain('not found');
  });

  it('reports a mistyped official image name as a repository that does not exist', () => {
    expect(pull('ngnix:1.27')).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/ngnix:1.27": failed to resolve reference "docker.io/library/ngnix:1.27": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(pull('busybx')).toContain('pull access denied');
  });

  it('rejects references that do not parse', () => {
    expect(pull('Nginx:1.27')).toBe('invalid: couldn\'t parse image reference "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase');
    expect(pull('nginx::1')).toBe('invalid: couldn\'t parse image reference "nginx::1": invalid reference format');
  });
});

describe('kubelet: image pull failures', () => {
  it('ErrImagePull, then ImagePullBackOff, retried after 10s, 20s, 40s', () => {
    // Pull attempts start at 600 and fail 1.2s later. After a failure at F the window is
    // backoff from F: retries at 1800+10000, 13000+20000, 34200+40000.
    const { sim, events } = newSim();
    sim.api.create(pod('bad', { containers: [{ name: 'web', image: 'nginx:1.99999' }] }));
    sim.runUntil(1_900);
    const err =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99999": failed to resolve reference "docker.io/library/nginx:1.99999": docker.io/library/nginx:1.99999: not found';
    expect(cstatus(sim, 'bad').state).toEqual({ waiting: { reason: 'ErrImagePull', message: err } });
    sim.runUntil(3_000);
    // Since v1.32 the waiting message carries the last pull error (kubernetes#127918); the event does not.
    expect(cstatus(sim, 'bad').state).toEqual({ waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "nginx:1.99999": ErrImagePull: ${err}` } });
    expect(events.filter((e) => e.object === 'bad').map((e) => [e.t, e.type, e.reason, e.message])).toEqual([
      [600, 'Normal', 'Pulling', 'Pulling image "nginx:1.99999"'],
      [1800, 'Warning', 'Failed', `Failed to pull image "nginx:1.99999": ${err}`],
      [1800, 'Warning', 'Failed', 'Error: ErrImagePull'],
      [2800, 'Normal', 'BackOff', 'Back-off pulling image "nginx:1.99999"'],
      [2800, 'Warning', 'Failed', 'Error: ImagePullBackOff'],
    ]);
    sim.runUntil(80_000);
    expect(times(events, 'Pulling', 'bad')).toEqual([600, 11_800, 33_000, 74_200]);
    expect(sim.get('Pod', 'default', 'bad')!.status.phase).toBe('Pending');
  });

  it('imagePullPolicy Never without the image: ErrImageNeverPull', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('never', { containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'Never' }] }));
    sim.runUntil(2_000);
    expect(cstatus(sim, 'never', 'web').state.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "nginx:1.27" is not present with pull policy of Never',
    });
    expect(events.filter((e) => e.object === 'never').map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Warning', 'ErrImageNeverPull', 'Container image "nginx:1.27" is not present with pull policy of Never'],
      ['Warning', 'Failed', 'Error: ErrImageNeverPull'],
    ]);
  });

  it('an unparsable image: InvalidImageName', () => {
    const { sim, events } = newSim();
    sim.api.create(pod('inv', { containers: [{ name: 'web', image: 'nginx::1' }] }));
    sim.runUntil(2_000);
    expect(cstatus(sim, 'inv').state.waiting.reason).toBe('InvalidImageName');
    expect(events.filter((e) => e.object === 'inv').map((e) => [e.reason, e.message])).toEqual([
      ['InspectFailed', 'Failed to apply default image tag "nginx::1": couldn\'t parse image reference "nginx::1": invalid reference format'],
      ['Failed', 'Error: InvalidImageName'],
    ]);
  });
});
