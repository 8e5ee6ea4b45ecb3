import { describe, expect, test } from 'vitest';
import { MAX_LIVE_OBJECTS, Session, SNAPSHOT_INTERVAL_MS } from '../../../src/worker/session';
import { DEFAULT_SCENARIO } from '../../../src/scenarios/index';
import { withRecordedSteps } from '../../../src/share/steps';
import type { ViewRow } from '../../../src/worker/protocol';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

function rowsOf(s: Session): Map<string, ViewRow> {
  s.flush();
  return new Map((s as unknown as { sent: Map<string, ViewRow> }).sent);
}

function view(s: Session): string {
  return [...rowsOf(s).values()]
    .map(({ order: _o, ...r }) => JSON.stringify(r))
    .sort()
    .join('\n');
}

describe('the worker session', () => {
  test('the first batch after load is a reset with every drawn object', () => {
    const s = new Session();
    const r = s.load(DEFAULT_SCENARIO.yaml);
    expect(r).toEqual({ ok: true, diagnostics: [] });
    expect(s.seed).toBe(7);
    const b = s.flush()!;
    expect(b.reset).toBe(true);
    expect(b.t).toBe(0);
    expect(b.added.map((x) => x.key)).toEqual(['Node//control-plane', 'Node//worker-1', 'Node//worker-2', 'Node//worker-3', 'Deployment/default/web']);
    const web = b.added.find((x) => x.kind === 'Deployment')!;
    expect(web).toMatchObject({ name: 'web', namespace: 'default', desired: 4, image: 'nginx:1.26' });
    expect(s.flush()).toBeNull();
  });

  test('ticks advance simulated time at the chosen speed; paused ticks do nothing', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.flush();
    s.tick(1000);
    expect(s.now).toBe(0);
    s.playing = true;
    s.setSpeed(10);
    s.tick(500);
    expect(s.now).toBe(5000);
    s.setSpeed(1000);
    expect(s.speed).toBe(100);
    const b = s.flush()!;
    expect(b.t).toBe(5000);
    expect(b.horizon).toBe(5000);
  });

  test('a rewind replays to exactly the same state (snapshots + deterministic replay)', () => {
    const s = new Session();
    s.load(DEFAULT_SCENARIO.yaml);
    s.seek(45_000);
    const at45 = view(s);
    s.seek(12_345);
    expect(s.now).toBe(12_345);
    const b = s.flush()!;
    expect(b.reset).toBe(true);
    s.seek(45_000);
    expect(view(s)).toBe(at45);
    expect(s.horizon).toBe(45_000);
  });

  test('snapshots are taken every SNAPSHOT_INTERVAL_MS of simulated time', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.seek(SNAPSHOT_INTERVAL_MS * 3 + 1);
    const snaps = (s as unknown as { snapshots: { t: number }[] }).snapshots.map((x) => x.t);
    expect(snaps).toEqual([0, SNAPSHOT_INTERVAL_MS, SNAPSHOT_INTERVAL_MS * 2, SNAPSHOT_INTERVAL_MS * 3]);
  });

  test('applying broken YAML keeps the running simulation and reports the line', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.seek(10_000);
    const before = view(s);
    const r = s.apply('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n spec: [\n');
    expect(r.ok).toBe(false);
    expect(r.diagnostics!.some((d) => d.severity === 'error' && d.line >= 1)).toBe(true);
    expect(view(s)).toBe(before);
    expect(s.now).toBe(10_000);
    expect(s.recordedActions()).toEqual([]);
  });

  test('an applied change is recorded and replayed after a rewind', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.seek(10_000);
    const r = s.apply(DEPLOY.replace('replicas: 3', 'replicas: 5'));
    expect(r.ok).toBe(true);
    expect(r.stdout).toBe('deployment.apps/web configured\n');
    s.seek(20_000);
    const at20 = view(s);
    expect(rowsOf(s).get('Deployment/default/web')!.desired).toBe(5);
    s.seek(5_000);
    expect(rowsOf(s).get('Deployment/default/web')!.desired).toBe(3);
    s.seek(20_000);
    expect(view(s)).toBe(at20);
    expect(s.recordedActions()).toEqual([{ at: 10_000, kind: 'apply', yaml: DEPLOY.replace('replicas: 3', 'replicas: 5') }]);
  });

  test('a change after a rewind forks the timeline', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.seek(10_000);
    s.apply(DEPLOY.replace('replicas: 3', 'replicas: 5'));
    s.seek(20_000);
    s.seek(5_000);
    s.apply(DEPLOY.replace('replicas: 3', 'replicas: 1'));
    s.seek(20_000);
    expect(rowsOf(s).get('Deployment/default/web')!.desired).toBe(1);
    expect(s.recordedActions().map((a) => a.at)).toEqual([5_000]);
  });

  test('recorded changes become scenario steps that replay the same view from a link', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.seek(8_000);
    s.apply(DEPLOY.replace('replicas: 3', 'replicas: 2'));
    s.seek(30_000);
    const expected = view(s);
    const shared = withRecordedSteps(DEPLOY, s.recordedActions(), s.seed);
    expect(shared).toContain('kind: Scenario');
    expect(shared).toContain('at: 8s');
    const t = new Session();
    expect(t.load(shared, { seed: s.seed }).diagnostics).toEqual([]);
    t.seek(30_000);
    expect(view(t)).toBe(expected);
  });

  test('the inspector gets the whole object and its events', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.seek(5_000);
    const d = s.detail('Deployment', 'default', 'web')!;
    expect((d.object as { metadata: { name: string } }).metadata.name).toBe('web');
    expect(s.detail('Deployment', 'default', 'nope')).toBeNull();
  });
});

describe('the default scenario (needs the controllers, scheduler and kubelet)', () => {
  test('four pods become Running and Ready, then roll to nginx:1.27 after the 20s step', () => {
    const s = new Session();
    s.load(DEFAULT_SCENARIO.yaml);
    s.seek(15_000);
    let pods = [...rowsOf(s).values()].filter((r) => r.kind === 'Pod');
    expect(pods.length).toBe(4);
    expect(pods.every((p) => p.phase === 'Running' && p.ready && p.node?.startsWith('worker-'))).toBe(true);
    s.seek(120_000);
    pods = [...rowsOf(s).values()].filter((r) => r.kind === 'Pod');
    expect(pods.length).toBe(4);
    expect(pods.every((p) => p.image === 'nginx:1.27' && p.ready)).toBe(true);
    const dep = rowsOf(s).get('Deployment/default/web')!;
    expect(dep).toMatchObject({ desired: 4, readyReplicas: 4, updated: 4, available: 4, revision: '2' });
  });
});

describe('controls', () => {
  test('pausing alone produces a batch that says so', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.playing = true;
    s.flush();
    expect(s.flush()).toBeNull();
    s.playing = false;
    expect(s.flush()).toMatchObject({ playing: false, added: [], updated: [], removed: [] });
    s.setSpeed(25);
    expect(s.flush()).toMatchObject({ speed: 25 });
  });
});

describe('wall-clock ticks', () => {
  test('fractional frame times keep simulated time integral, so controllers keep reacting', () => {
    const s = new Session();
    s.load(DEPLOY, { seed: 3 });
    s.playing = true;
    s.setSpeed(10);
    for (let i = 0; i < 400; i++) {
      s.tick(16.6667);
      expect(Number.isInteger(s.now)).toBe(true);
    }
    expect(Math.abs(s.now - 400 * 166.667)).toBeLessThanOrEqual(1);
    // A change applied now is still acted on (a fractional clock once left a controller's key stuck).
    s.apply(DEPLOY.replace('replicas: 3', 'replicas: 4'));
    for (let i = 0; i < 100; i++) s.tick(16.6667);
    expect(rowsOf(s).get('Deployment/default/web')!).toMatchObject({ desired: 4, current: 4 });
  });
});

describe('snapshot memory', () => {
  test('old snapshots are thinned but a rewind to any time still replays exactly', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.seek(SNAPSHOT_INTERVAL_MS * 300);
    const snaps = (s as unknown as { snapshots: { t: number }[] }).snapshots.map((x) => x.t);
    expect(snaps.length).toBeLessThanOrEqual(240);
    expect(snaps[0]).toBe(0);
    expect(snaps[snaps.length - 1]).toBe(SNAPSHOT_INTERVAL_MS * 300);
    const end = view(s);
    s.seek(123_456);
    expect(s.now).toBe(123_456);
    s.seek(SNAPSHOT_INTERVAL_MS * 300);
    expect(view(s)).toBe(end);
  });
});

describe('live pod actions', () => {
  test('crashing a pod restarts its container, is recorded, and replays after a rewind', () => {
    const s = new Session();
    s.load(DEPLOY, { seed: 2 });
    s.seek(20_000);
    const pod = [...rowsOf(s).values()].find((r) => r.kind === 'Pod')!;
    expect(pod.restarts).toBe(0);
    const r = s.app(pod.namespace, pod.name, 'crash');
    expect(r).toEqual({ ok: true, stdout: `pod/${pod.name} crashed\n`, stderr: '' });
    s.seek(40_000);
    const after = view(s);
    expect(rowsOf(s).get(pod.key)!.restarts).toBe(1);
    s.seek(10_000);
    expect(rowsOf(s).get(pod.key)!.restarts).toBe(0);
    s.seek(40_000);
    expect(view(s)).toBe(after);
    expect(s.recordedActions()).toEqual([{ at: 20_000, kind: 'app', namespace: pod.namespace, name: pod.name, action: 'crash' }]);
    // A shared link carries the crash as a pod step and replays the same view.
    const shared = withRecordedSteps(DEPLOY, s.recordedActions(), 2);
    expect(shared).toContain(`    - at: 20s\n      pod:\n        name: ${pod.name}\n        action: crash\n---\n`);
    const t = new Session();
    expect(t.load(shared).diagnostics).toEqual([]);
    t.seek(40_000);
    expect(rowsOf(t).get(pod.key)!.restarts).toBe(1);
    expect(view(t)).toBe(after);
  });

  test('a pending pod comes with the scheduler’s explanation', () => {
    const s = new Session();
    s.load(DEPLOY.replace('image: nginx:1.27', 'image: nginx:1.27\n        resources:\n          requests:\n            cpu: "64"'));
    s.seek(5_000);
    const pod = [...rowsOf(s).values()].find((r) => r.kind === 'Pod')!;
    expect(pod.node).toBe('');
    const d = s.detail('Pod', pod.namespace, pod.name)!;
    expect(d.explain).toMatch(/Insufficient cpu/);
  });
});

describe('step', () => {
  test('each step stops at the next visible change, not at a silent controller sync', () => {
    const s = new Session();
    s.load(DEPLOY);
    s.flush();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      s.step();
      const b = s.flush();
      expect(b).not.toBeNull();
      expect(b!.added.length + b!.updated.length + b!.removed.length + b!.events.length).toBeGreaterThan(0);
      times.push(s.now);
    }
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('a runaway replicas count', () => {
  test(`pauses past ${MAX_LIVE_OBJECTS} objects and says why, keeping the simulation`, () => {
    const s = new Session();
    expect(s.load(DEPLOY.replace('replicas: 3', 'replicas: 2147483647')).ok).toBe(true);
    s.flush();
    s.playing = true;
    s.setSpeed(1);
    let batch = s.flush();
    for (let i = 0; i < 400 && s.playing; i++) {
      s.tick(100, () => 0, Infinity);
      batch = s.flush() ?? batch;
    }
    expect(s.playing).toBe(false);
    expect(batch?.playing).toBe(false);
    const t = (batch!.t / 1000).toFixed(1);
    expect(batch?.notice).toBe(
      `Paused at ${t}s: the cluster holds more than 20,000 objects, kubeplay's limit in the browser. Lower a replicas count and Apply, or rewind.`,
    );
    // The notice is said once; the paused simulation is still there to inspect.
    expect(s.flush()?.notice).toBeUndefined();
    expect(s.detail('Deployment', 'default', 'web')).not.toBeNull();
  });
});
