// End-to-end tests against the production build, through the data-* testing contract
// (DESIGN.md "UI"): every drawn object has data-kind/name/namespace; pods data-phase, data-ready,
// data-node, data-restarts; nodes data-ready.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

function link(baseUrl, payload) {
  const b64 = Buffer.from(deflateSync(strToU8(JSON.stringify(payload)))).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${baseUrl}#v1.${b64}`;
}

function deployment(image, replicas = 3, name = 'web') {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: ${image}
        ports:
        - containerPort: 80
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 2
`;
}

const READY_POD = '[data-kind="Pod"][data-phase="Running"][data-ready="true"]';
const POD_TILE = '[data-kind="Pod"]:not([data-testid="inspector"])';

async function waitForCount(page, selector, n, timeout = 30_000) {
  await page.waitForFunction(([s, k]) => document.querySelectorAll(s).length === k, [selector, n], { timeout, polling: 100 });
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** Replace the whole editor text like a user pasting (works for Monaco and the fallback). */
async function setEditorText(page, text) {
  await page.waitForSelector('.monaco-editor', { timeout: 30_000 });
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Monaco auto-indents typed newlines; insert line by line from column 1 to keep the text exact.
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const target = document.querySelector('.monaco-editor textarea') ?? document.activeElement;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

async function clockMs(page) {
  return Number(await page.getAttribute('[data-testid="clock"]', 'data-t'));
}

export const tests = [
  {
    name: 'opens a shared link and shows its pods Running and Ready',
    async run({ page, baseUrl }) {
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.27', 3), seed: 5, speed: 10 }));
      await waitForCount(page, READY_POD, 3);
      const pods = await page.$$eval('[data-kind="Pod"]', (els) => els.map((e) => ({ ...e.dataset })));
      assert(pods.length === 3, `3 pods, got ${pods.length}`);
      for (const p of pods) {
        assert(p.namespace === 'default', 'namespace');
        assert(/^web-[a-z0-9]+-[a-z0-9]{5}$/.test(p.name), `pod name ${p.name}`);
        assert(/^worker-[123]$/.test(p.node), `node ${p.node}`);
        assert(p.restarts === '0', 'restarts');
      }
      assert((await page.$$('[data-kind="Deployment"][data-name="web"]')).length === 1, 'deployment card');
      await page.click('[data-action="view-placement"]');
      await page.waitForSelector('[data-kind="Node"][data-name="worker-1"]');
      const nodes = await page.$$eval('[data-kind="Node"]', (els) => els.map((e) => `${e.dataset.name}:${e.dataset.ready}`));
      assert(nodes.sort().join(',') === 'control-plane:true,worker-1:true,worker-2:true,worker-3:true', `nodes ${nodes}`);
      await waitForCount(page, READY_POD, 3);
    },
  },
  {
    name: 'the same link shows the same pod names every time (seeded)',
    async run({ page, baseUrl }) {
      const url = link(baseUrl, { yaml: deployment('nginx:1.27', 2), seed: 11, speed: 10 });
      const names = [];
      for (let i = 0; i < 2; i++) {
        await page.goto('about:blank');
        await page.goto(url);
        await waitForCount(page, READY_POD, 2);
        names.push((await page.$$eval('[data-kind="Pod"]', (els) => els.map((e) => e.dataset.name))).sort().join(','));
      }
      assert(names[0] === names[1], `names differ: ${names[0]} vs ${names[1]}`);
    },
  },
  {
    name: 'editing and applying a change rolls the Deployment out',
    async run({ page, baseUrl }) {
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.26', 3), seed: 3, speed: 10 }));
      await waitForCount(page, READY_POD, 3);
      const before = await page.$$eval('[data-kind="Pod"]', (els) => els.map((e) => e.dataset.name));
      await setEditorText(page, deployment('nginx:1.27', 3));
      await page.click('[data-action="apply"]');
      await page.waitForSelector('[data-kind="ReplicaSet"][data-revision="2"]', { timeout: 20_000 });
      await page.waitForFunction(
        (old) => {
          const pods = [...document.querySelectorAll('[data-kind="Pod"]')];
          const ready = pods.filter((p) => p.dataset.ready === 'true' && p.dataset.phase === 'Running' && p.dataset.terminating === 'false');
          return ready.length === 3 && ready.every((p) => !old.includes(p.dataset.name));
        },
        before,
        { timeout: 60_000, polling: 200 },
      );
      const rs2 = await page.$eval('[data-kind="ReplicaSet"][data-revision="2"]', (e) => e.dataset.readyReplicas);
      assert(rs2 === '3', `new ReplicaSet ready replicas ${rs2}`);
    },
  },
  {
    name: 'selecting a pod opens the inspector with its details',
    async run({ page, baseUrl }) {
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.27', 2), seed: 5, speed: 10 }));
      await waitForCount(page, READY_POD, 2);
      const name = await page.$eval('[data-kind="Pod"]', (e) => e.dataset.name);
      await page.click(`[data-kind="Pod"][data-name="${name}"]`);
      await page.waitForSelector(`[data-testid="inspector"][data-kind="Pod"][data-name="${name}"]`);
      await page.waitForFunction(() => /Events|Conditions|Status/.test(document.querySelector('[data-testid="inspector"]')?.textContent ?? ''), null, { timeout: 10_000 });
      const text = await page.textContent('[data-testid="inspector"]');
      assert(text.includes(name), 'inspector names the pod');
      assert(/worker-[123]/.test(text), 'inspector shows the node');
      // Controllers and nodes open the inspector too.
      await page.click('[data-kind="Deployment"][data-name="web"] .card__name');
      await page.waitForSelector('[data-testid="inspector"][data-kind="Deployment"][data-name="web"]');
      await page.click('[data-action="view-placement"]');
      await page.click('[data-kind="Node"][data-name="worker-1"] .card__name');
      await page.waitForSelector('[data-testid="inspector"][data-kind="Node"][data-name="worker-1"]');
    },
  },
  {
    name: 'applying broken YAML keeps the simulation running and the text in the editor',
    async run({ page, baseUrl }) {
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.27', 2), seed: 5, speed: 10 }));
      await waitForCount(page, READY_POD, 2);
      const broken = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: [unclosed\n';
      await setEditorText(page, broken);
      await page.click('[data-action="apply"]');
      await page.waitForSelector('[data-testid="banner"][data-level="error"]');
      const banner = await page.textContent('[data-testid="banner"]');
      assert(/Not applied/.test(banner) && /keeps running/.test(banner), `banner: ${banner}`);
      await page.waitForSelector('[data-testid="problems"]');
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 10_000 });
      const t1 = await clockMs(page);
      await page.waitForTimeout(600);
      const t2 = await clockMs(page);
      assert(t2 > t1, `clock keeps running (${t1} -> ${t2})`);
      await waitForCount(page, READY_POD, 2);
      const lines = await page.textContent('.monaco-editor .view-lines');
      assert(lines.replace(/\s/g, '').includes('spec:[unclosed'), `editor text kept: ${lines}`);
      // And it survives a reload (localStorage).
      await page.goto(baseUrl);
      await page.waitForSelector('.monaco-editor .view-lines');
      await page.waitForFunction(() => (document.querySelector('.monaco-editor .view-lines')?.textContent ?? '').replace(/\s/g, '').includes('spec:[unclosed'), null, { timeout: 15_000 });
    },
  },
  {
    name: 'the editor completes, explains and validates Kubernetes fields (schema + engine markers)',
    async run({ page, baseUrl }) {
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.27', 1), seed: 1 }));
      await page.waitForFunction(() => window.__kubeplayEditor, null, { timeout: 30_000 });
      const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: "three"\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    readinessProbe:\n      htt\n';
      await page.evaluate((t) => window.__kubeplayEditor.editor.getModel().setValue(t), text);
      // Schema validation in the second document of a multi-document text, at the right line.
      await page.waitForFunction(() => {
        const { editor, monaco } = window.__kubeplayEditor;
        return monaco.editor.getModelMarkers({ resource: editor.getModel().uri }).some((m) => m.owner === 'yaml' && m.startLineNumber === 6 && /Expected "number"/.test(m.message));
      }, null, { timeout: 20_000 });
      await page.evaluate(() => {
        const { editor } = window.__kubeplayEditor;
        editor.focus();
        editor.setPosition({ lineNumber: 17, column: 10 });
        editor.trigger('e2e', 'editor.action.triggerSuggest', {});
      });
      await page.waitForFunction(() => [...document.querySelectorAll('.suggest-widget .monaco-list-row')].some((e) => /^httpGet/.test(e.getAttribute('aria-label') ?? '')), null, { timeout: 15_000 });
      await page.evaluate(() => {
        const { editor } = window.__kubeplayEditor;
        editor.trigger('e2e', 'hideSuggestWidget', {});
        editor.setPosition({ lineNumber: 6, column: 4 });
        editor.trigger('e2e', 'editor.action.showHover', {});
      });
      await page.waitForFunction(() => /Number of desired pods/.test(document.querySelector('.monaco-hover-content')?.textContent ?? ''), null, { timeout: 15_000 });
      // An API-server validation error from the engine lands on the offending line.
      await page.evaluate((t) => window.__kubeplayEditor.editor.getModel().setValue(t), deployment('nginx:1.27', 1).replace('replicas: 1', 'replicas: -2'));
      await page.click('[data-action="apply"]');
      await page.waitForFunction(() => {
        const { editor, monaco } = window.__kubeplayEditor;
        return monaco.editor.getModelMarkers({ resource: editor.getModel().uri, owner: 'kubeplay' }).some((m) => m.startLineNumber === 6 && /spec\.replicas/.test(m.message));
      }, null, { timeout: 15_000 });
    },
  },
  {
    name: 'placement view: stopping a node marks it NotReady and its pods move away',
    async run({ page, baseUrl, root }) {
      const yaml = readFileSync(join(root, 'src/scenarios/node-failure.yaml'), 'utf8').replace(/  steps:[\s\S]*?action: stop\n/, '');
      await page.goto(link(baseUrl, { yaml, seed: 11, speed: 10, view: 'placement' }));
      await waitForCount(page, READY_POD, 6);
      await page.waitForSelector('[data-kind="Node"][data-name="worker-2"][data-ready="true"]');
      const onW2 = await page.$$eval('[data-kind="Pod"][data-node="worker-2"]', (els) => els.length);
      assert(onW2 > 0, 'some pods run on worker-2');
      await page.click('[data-kind="Node"][data-name="worker-2"] [data-action="stop-node"]');
      await page.selectOption('[data-action="speed"]', '100');
      // node-monitor-grace-period (50s) later the node controller marks it NotReady ...
      await page.waitForSelector('[data-kind="Node"][data-name="worker-2"][data-ready="false"]', { timeout: 30_000 });
      // ... and after the 300s not-ready toleration its pods are evicted and recreated elsewhere.
      await page.waitForFunction(
        () => {
          const pods = [...document.querySelectorAll('[data-kind="Pod"]')];
          const ready = pods.filter((p) => p.dataset.ready === 'true' && p.dataset.node !== 'worker-2');
          return ready.length === 6;
        },
        null,
        { timeout: 60_000, polling: 250 },
      );
    },
  },
  {
    name: 'a crash loop shows restarts on the pod tile',
    async run({ page, baseUrl, root }) {
      const yaml = readFileSync(join(root, 'src/scenarios/crash-loop.yaml'), 'utf8');
      await page.goto(link(baseUrl, { yaml, seed: 3, speed: 25 }));
      await page.waitForFunction(() => [...document.querySelectorAll('[data-kind="Pod"]')].some((p) => Number(p.dataset.restarts) >= 2), null, { timeout: 40_000, polling: 200 });
      await page.waitForSelector('[data-kind="Pod"][data-status="CrashLoopBackOff"]', { timeout: 40_000 });
      const healthy = await page.$eval('[data-kind="Pod"][data-name="healthy"]', (e) => ({ ...e.dataset }));
      assert(healthy.restarts === '0' && healthy.ready === 'true', `healthy pod: ${JSON.stringify(healthy)}`);
    },
  },
  {
    name: 'Share puts the scenario and live changes in the link, and the link replays them',
    async run({ page, baseUrl }) {
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.27', 2), seed: 21, speed: 10 }));
      await waitForCount(page, READY_POD, 2);
      await page.click('[data-action="console"]');
      await page.fill('.console__input', 'scale deployment web --replicas=3');
      await page.press('.console__input', 'Enter');
      await page.waitForFunction(() => /scaled/.test(document.querySelector('[data-testid="console-output"]')?.textContent ?? ''));
      await waitForCount(page, READY_POD, 3);
      // A live pod action (crash from the inspector) is recorded too.
      const crashed = await page.$eval(READY_POD, (e) => e.dataset.name);
      await page.click(`[data-kind="Pod"][data-name="${crashed}"]`);
      await page.click('[data-action="pod-crash"]');
      await page.waitForSelector(`[data-kind="Pod"][data-name="${crashed}"][data-restarts="1"]`, { timeout: 20_000 });
      await page.click('[data-action="share"]');
      await page.waitForFunction(() => location.hash.startsWith('#v1.') && /Link copied|address bar/.test(document.querySelector('[data-testid="banner"]')?.textContent ?? ''));
      const url = page.url();
      assert(url.length <= 2000, `link length ${url.length}`);
      const banner = await page.textContent('[data-testid="banner"]');
      assert(!/left out/.test(banner), `banner: ${banner}`);
      const shared = JSON.parse(strFromU8(inflateSync(Buffer.from(new URL(url).hash.slice(4).replace(/-/g, '+').replace(/_/g, '/'), 'base64')))).yaml;
      assert(new RegExp(`pod:\\n\\s+name: ${crashed}\\n\\s+action: crash\\n`).test(shared), `link has the crash as a pod step:\n${shared}`);
      // Pod tiles only: the open inspector carries data-kind too.
      const names = (await page.$$eval(POD_TILE, (els) => els.map((e) => e.dataset.name))).sort().join(',');
      const other = await page.context().newPage();
      await other.goto(url);
      await other.selectOption('[data-action="speed"]', '10');
      await waitForCount(other, READY_POD, 3, 40_000);
      await other.waitForSelector(`[data-kind="Pod"][data-name="${crashed}"][data-restarts="1"]`, { timeout: 40_000 });
      const names2 = (await other.$$eval(POD_TILE, (els) => els.map((e) => e.dataset.name))).sort().join(',');
      assert(names2 === names, `shared link replays the same pods: ${names} vs ${names2}`);
      const restarts = (await other.$$eval(POD_TILE, (els) => els.map((e) => `${e.dataset.name}=${e.dataset.restarts}`))).sort().join(',');
      assert(restarts === names.split(',').map((n) => `${n}=${n === crashed ? 1 : 0}`).join(','), `only the crashed pod restarted: ${restarts}`);
      await other.close();
    },
  },
  {
    name: 'opening a link or a library scenario never loses the text in the editor',
    async run({ page, baseUrl }) {
      await page.goto(baseUrl);
      await page.waitForFunction(() => window.__kubeplayEditor, null, { timeout: 30_000 });
      const mine = deployment('nginx:1.25', 1, 'mine');
      await page.evaluate((t) => window.__kubeplayEditor.editor.getModel().setValue(t), mine);
      await page.waitForTimeout(500);
      await page.goto('about:blank');
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.27', 1, 'shared'), seed: 2 }));
      await page.waitForSelector('[data-kind="Deployment"][data-name="shared"]');
      await page.waitForSelector('[data-action="banner-action"]');
      await page.click('[data-action="banner-action"]');
      await page.waitForSelector('[data-kind="Deployment"][data-name="mine"]', { timeout: 15_000 });
      await page.waitForFunction((t) => window.__kubeplayEditor?.editor.getModel().getValue() === t, mine, { timeout: 15_000 });
      // The scenario library keeps it too.
      await page.selectOption('[data-action="scenario"]', 'crash-loop');
      await page.waitForSelector('[data-kind="Deployment"][data-name="worker"]', { timeout: 15_000 });
      await page.click('[data-action="banner-action"]');
      await page.waitForFunction((t) => window.__kubeplayEditor?.editor.getModel().getValue() === t, mine, { timeout: 15_000 });
    },
  },
  {
    name: 'a scenario too long for a chat-safe link is offered as a file instead',
    async run({ page, baseUrl }) {
      // Incompressible content (random tokens) so the deflated link really exceeds 2,000 chars.
      let x = 42;
      const token = () => {
        let t = '';
        for (let i = 0; i < 24; i++) {
          x = (x * 1103515245 + 12345) % 2 ** 31;
          t += 'abcdefghijklmnopqrstuvwxyz0123456789'[x % 36];
        }
        return t;
      };
      let yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: noise\ndata:\n';
      for (let i = 0; i < 80; i++) yaml += `  k${i}: ${token()}\n`;
      yaml += '---\n' + deployment('nginx:1.27', 1, 'app');
      await page.goto(link(baseUrl, { yaml, seed: 4 }));
      await page.waitForSelector('[data-kind="Deployment"][data-name="app"]');
      await page.click('[data-action="share"]');
      await page.waitForSelector('[data-testid="banner"][data-level="warning"] a[download]');
      const text = await page.textContent('[data-testid="banner"]');
      assert(/chat apps cut links above 2,000/.test(text), `banner: ${text}`);
      const href = await page.getAttribute('[data-testid="banner"] a[download]', 'href');
      assert(href.startsWith('blob:'), `download href ${href}`);
    },
  },
  {
    name: 'inspector: crash a pod live, and see why a pending pod is not scheduled',
    async run({ page, baseUrl }) {
      const yaml = deployment('nginx:1.27', 1) + '---\n' + deployment('nginx:1.27', 1, 'huge').replace('        ports:', '        resources:\n          requests:\n            cpu: "64"\n        ports:');
      await page.goto(link(baseUrl, { yaml, seed: 8, speed: 10 }));
      await waitForCount(page, READY_POD, 1);
      const name = await page.$eval(READY_POD, (e) => e.dataset.name);
      await page.click(`[data-kind="Pod"][data-name="${name}"]`);
      await page.click('[data-action="pod-crash"]');
      await page.waitForSelector(`[data-kind="Pod"][data-name="${name}"][data-restarts="1"]`, { timeout: 20_000 });
      const pending = await page.$eval('[data-kind="Pod"][data-phase="Pending"]', (e) => e.dataset.name);
      await page.click(`[data-kind="Pod"][data-name="${pending}"]`);
      await page.waitForSelector('[data-testid="explain"]', { timeout: 10_000 });
      const text = await page.textContent('[data-testid="explain"]');
      assert(/Insufficient cpu/.test(text), `explanation: ${text}`);
    },
  },
  {
    name: 'a broken link explains itself and opens the default scenario',
    async run({ page, baseUrl }) {
      await page.goto(`${baseUrl}#v1.this-is-not-a-real-link`);
      await page.waitForSelector('[data-testid="banner"]');
      const text = await page.textContent('[data-testid="banner"]');
      assert(/damaged/.test(text) && /default scenario/.test(text), `banner: ${text}`);
      await page.waitForSelector('[data-kind="Deployment"][data-name="web"]', { timeout: 15_000 });
      const tampered = link(baseUrl, { yaml: 1234, seed: 'x', html: '<img src=x onerror="window.__pwned=1">' });
      await page.goto('about:blank');
      await page.goto(tampered);
      await page.waitForSelector('[data-testid="banner"]');
      assert(/no scenario text/.test(await page.textContent('[data-testid="banner"]')), 'tampered link message');
      assert((await page.evaluate(() => window.__pwned)) === undefined, 'nothing from a link runs');
    },
  },
  {
    name: 'the scrubber rewinds and replays the same cluster',
    async run({ page, baseUrl }) {
      await page.goto(link(baseUrl, { yaml: deployment('nginx:1.27', 3), seed: 9, speed: 25 }));
      await waitForCount(page, READY_POD, 3);
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]')?.dataset.t) > 30_000, null, { timeout: 20_000 });
      await page.click('[data-action="pause"]');
      const names = (await page.$$eval('[data-kind="Pod"]', (els) => els.map((e) => e.dataset.name))).sort().join(',');
      const scrub = await page.$('[data-action="scrub"]');
      const box = await scrub.boundingBox();
      await page.mouse.click(box.x + 2, box.y + box.height / 2);
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]')?.dataset.t) < 2_000, null, { timeout: 10_000 });
      await page.waitForFunction(() => document.querySelectorAll('[data-kind="Pod"][data-ready="true"]').length === 0, null, { timeout: 10_000 });
      await page.click('[data-action="play"]');
      await waitForCount(page, READY_POD, 3);
      const again = (await page.$$eval('[data-kind="Pod"]', (els) => els.map((e) => e.dataset.name))).sort().join(',');
      assert(again === names, `replay differs: ${names} vs ${again}`);
    },
  },
  {
    name: 'default scenario: the rollout is visible mid-way (screenshot)',
    async run({ page, baseUrl, root }) {
      const yaml = readFileSync(join(root, 'src/scenarios/rolling-update.yaml'), 'utf8');
      await page.goto(link(baseUrl, { yaml, seed: 7, speed: 1, time: 23_000 }));
      await page.waitForSelector('[data-kind="ReplicaSet"][data-revision="2"]', { timeout: 20_000 });
      await page.click('[data-action="pause"]');
      await page.waitForSelector('.monaco-editor');
      await page.waitForTimeout(800);
      // UPDATE_SCREENSHOT=1 refreshes the README's docs/screenshot.png; otherwise it goes to test-results/.
      const out = process.env.UPDATE_SCREENSHOT ? join(root, 'docs/screenshot.png') : join(root, 'test-results/screenshot.png');
      mkdirSync(dirname(out), { recursive: true });
      await page.screenshot({ path: out });
      const rs = await page.$$('[data-kind="ReplicaSet"]');
      assert(rs.length === 2, `two ReplicaSets during the rollout, got ${rs.length}`);
    },
  },
];
