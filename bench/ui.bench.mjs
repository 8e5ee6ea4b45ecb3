#!/usr/bin/env node
// UI benchmark (`npm run bench:ui`, after `vite build`): the production build in headless Chromium,
// a 1,000-pod rolling update at 10x. Reports frame time p50/p95 and long tasks on the main thread
// during the rollout, and the gzip size of the JavaScript loaded before the editor.
// Targets: p95 frame time <= 20 ms; JS before the editor <= 400 KB gzip.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, strToU8 } from 'fflate';
import { serveDir, launchChromium } from '../tests/e2e/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPLICAS = 1000;
const NODES = 10;
const MEASURE_MS = Number(process.env.MEASURE_MS ?? 30_000);
const ROLLOUT_AT_S = 60;

function scenario() {
  let y = `apiVersion: kubeplay.dev/v1
kind: Scenario
metadata:
  name: bench-1000
spec:
  seed: 1
  steps:
  - at: ${ROLLOUT_AT_S}s
    kubectl: set image deployment/web web=nginx:1.27
`;
  for (let i = 1; i <= NODES; i++) {
    y += `---
apiVersion: v1
kind: Node
metadata:
  name: node-${i}
  labels:
    topology.kubernetes.io/zone: zone-${'abc'[i % 3]}
status:
  capacity:
    cpu: "64"
    memory: 256Gi
    pods: "150"
`;
  }
  y += `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${REPLICAS}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.26
        resources:
          requests:
            cpu: 50m
            memory: 64Mi
`;
  return y;
}

function link(baseUrl, payload) {
  const b64 = Buffer.from(deflateSync(strToU8(JSON.stringify(payload)))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${baseUrl}#v1.${b64}`;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

const EDITOR_CHUNK = /(MonacoEditor|editor\.api|editor\.worker|yaml\.worker|Mode-|\/(abap|apex|azcli|bat|bicep|cameligo|clojure|coffee|cpp|csharp|csp|css|cypher|dart|dockerfile|ecl|elixir|flow9|freemarker2|fsharp|go|graphql|handlebars|hcl|html|ini|java|javascript|julia|kotlin|less|lexon|liquid|lua|m3|markdown|mdx|mips|msdax|mysql|objective-c|pascal|pascaligo|perl|pgsql|php|pla|postiats|powerquery|powershell|protobuf|pug|python|qsharp|r|razor|redis|redshift|restructuredtext|ruby|rust|sb|scala|scheme|scss|shell|solidity|sophia|sparql|sql|st|swift|systemverilog|tcl|twig|typescript|typespec|vb|wgsl|xml|yaml)-)/;

const server = await serveDir(join(root, 'dist'));
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__long.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
});

// Open at 50s (the worker replays the first 50 simulated seconds), 10x, just before the rollout.
await page.goto(link(server.url, { yaml: scenario(), seed: 1, speed: 10, time: (ROLLOUT_AT_S - 10) * 1000 }));
await page.waitForFunction((n) => document.querySelectorAll('[data-kind="Pod"]').length >= n, REPLICAS, { timeout: 120_000, polling: 250 });
const loadRequests = [...server.requests];
const startT = Number(await page.getAttribute('[data-testid="clock"]', 'data-t'));

// Frames are measured while the rollout is in progress: from just before the image change until
// the new ReplicaSet has all replicas ready and the old pods are gone (or MEASURE_MS at most).
const result = await page.evaluate(async ([ms, replicas]) => {
  window.__long = [];
  const frames = [];
  let last = performance.now();
  const end = last + ms;
  const done = () => {
    const rs2 = document.querySelector('[data-kind="ReplicaSet"][data-revision="2"]');
    return rs2?.dataset.readyReplicas === String(replicas) && document.querySelectorAll('[data-kind="Pod"]').length === replicas;
  };
  await new Promise((resolve) => {
    const f = (now) => {
      frames.push(now - last);
      last = now;
      if (now < end && !done()) requestAnimationFrame(f);
      else resolve();
    };
    requestAnimationFrame(f);
  });
  return { frames, long: window.__long, pods: document.querySelectorAll('[data-kind="Pod"]').length, rs2: document.querySelector('[data-kind="ReplicaSet"][data-revision="2"]')?.dataset.readyReplicas ?? null };
}, [MEASURE_MS, REPLICAS]);
const endT = Number(await page.getAttribute('[data-testid="clock"]', 'data-t'));

// JS before the editor: every script the page and the simulation worker load, minus the lazy
// editor chunk, Monaco's language chunks and the editor's own workers.
let before = 0;
let editor = 0;
const seen = new Set();
for (const r of loadRequests) {
  if (!r.path.endsWith('.js') || seen.has(r.path)) continue;
  seen.add(r.path);
  const gz = gzipSync(readFileSync(join(root, 'dist', r.path))).length;
  if (EDITOR_CHUNK.test(r.path)) editor += gz;
  else before += gz;
}

await browser.close();
await server.close();

const frames = result.frames.slice(1);
const out = {
  scenario: `${REPLICAS}-pod Deployment rolling update on ${NODES} nodes at 10x`,
  simulatedWindow: `${(startT / 1000).toFixed(1)}s -> ${(endT / 1000).toFixed(1)}s in ${(frames.reduce((a, b) => a + b, 0) / 1000).toFixed(1)}s wall (${((endT - startT) / frames.reduce((a, b) => a + b, 1)).toFixed(1)}x achieved)`,
  frames: frames.length,
  frameMsP50: +pct(frames, 50).toFixed(2),
  frameMsP90: +pct(frames, 90).toFixed(2),
  frameMsP95: +pct(frames, 95).toFixed(2),
  framesOver20ms: `${((100 * frames.filter((f) => f > 20).length) / frames.length).toFixed(1)}%`,
  frameMsMax: +Math.max(...frames).toFixed(2),
  longTasks: result.long.length,
  longTaskMsTotal: Math.round(result.long.reduce((a, b) => a + b, 0)),
  podsDrawn: result.pods,
  newReplicaSetReady: result.rs2,
  jsBeforeEditorKBgzip: +(before / 1024).toFixed(1),
  editorJsKBgzip: +(editor / 1024).toFixed(1),
};
console.log(JSON.stringify(out, null, 2));
const ok = out.frameMsP95 <= 20 && out.jsBeforeEditorKBgzip <= 400;
console.log(`targets: p95 ${out.frameMsP95} ms (<= 20) ${out.frameMsP95 <= 20 ? 'OK' : 'MISSED'}; JS before editor ${out.jsBeforeEditorKBgzip} KB gzip (<= 400) ${out.jsBeforeEditorKBgzip <= 400 ? 'OK' : 'MISSED'}`);
process.exit(ok ? 0 : 1);
