// Web Worker entry: the whole simulation runs here; the main thread only renders batches.
// A ~60 Hz loop advances simulated time at the chosen speed and posts at most one batch per
// frame, and only after the UI acknowledged the previous one (so a busy UI never queues up).
/// <reference lib="webworker" />
import { Session } from './session';
import { PROTOCOL_VERSION, unwrap, wrap, type Command, type Reply } from './protocol';

const session = new Session();
let loaded = false;
let lastWall = performance.now();
let awaitingAck = false;
let lastPost = 0;

function post(msg: Reply): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(wrap(msg));
}

function flush(force = false): void {
  if (!loaded || (awaitingAck && !force)) return;
  const batch = session.flush();
  if (!batch) return;
  awaitingAck = true;
  lastPost = performance.now();
  post({ type: 'batch', batch });
}

function loop(): void {
  const now = performance.now();
  const dt = Math.min(now - lastWall, 250);
  lastWall = now;
  if (loaded) {
    try {
      session.tick(dt, () => performance.now(), 10);
    } catch (e) {
      session.playing = false;
      post({ type: 'fatal', message: `simulation stopped: ${(e as Error).message}` });
    }
    // A lost ack (e.g. a hidden tab) must not freeze the view forever.
    if (awaitingAck && now - lastPost > 1000) awaitingAck = false;
    flush();
  }
  setTimeout(loop, 16);
}

function handle(cmd: Command): void {
  switch (cmd.type) {
    case 'load': {
      let res;
      try {
        res = session.load(cmd.yaml, { seed: cmd.seed, file: cmd.file });
      } catch (e) {
        post({ type: 'loaded', ok: false, diagnostics: [], seed: cmd.seed ?? 1, message: (e as Error).message });
        return;
      }
      loaded = true;
      if (cmd.speed) session.setSpeed(cmd.speed);
      if (cmd.time && cmd.time > 0) session.seek(cmd.time);
      session.playing = cmd.play ?? true;
      post({ type: 'loaded', ok: res.ok, diagnostics: res.diagnostics, seed: session.seed, scenarioName: session.scenarioName });
      awaitingAck = false;
      flush(true);
      return;
    }
    case 'apply': {
      const r = session.apply(cmd.yaml);
      post({ type: 'result', id: cmd.id, ...r });
      flush(true);
      return;
    }
    case 'kubectl': {
      const r = session.kubectl(cmd.line);
      post({ type: 'result', id: cmd.id, ...r });
      flush(true);
      return;
    }
    case 'node': {
      const r = session.node(cmd.name, cmd.action);
      post({ type: 'result', id: cmd.id, ...r });
      flush(true);
      return;
    }
    case 'app': {
      const r = session.app(cmd.namespace, cmd.name, cmd.action);
      post({ type: 'result', id: cmd.id, ...r });
      flush(true);
      return;
    }
    case 'play':
      session.playing = true;
      lastWall = performance.now();
      flush(true);
      return;
    case 'pause':
      session.playing = false;
      flush(true);
      return;
    case 'speed':
      session.setSpeed(cmd.speed);
      flush(true);
      return;
    case 'step':
      session.playing = false;
      session.step();
      flush(true);
      return;
    case 'seek':
      session.seek(cmd.t);
      flush(true);
      return;
    case 'get':
      post({ type: 'object', id: cmd.id, detail: loaded ? session.detail(cmd.kind, cmd.namespace, cmd.name) : null });
      return;
    case 'actions':
      post({ type: 'actions', id: cmd.id, actions: loaded ? session.recordedActions() : [] });
      return;
    case 'ack':
      awaitingAck = false;
      return;
  }
}

self.onmessage = (e: MessageEvent) => {
  const cmd = unwrap<Command>(e.data);
  if (!cmd) {
    post({ type: 'fatal', message: 'protocol version mismatch: reload the page' });
    return;
  }
  try {
    handle(cmd);
  } catch (e2) {
    post({ type: 'fatal', message: (e2 as Error).message });
  }
};

post({ type: 'hello', version: PROTOCOL_VERSION });
loop();
