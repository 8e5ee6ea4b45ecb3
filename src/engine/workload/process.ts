// What the process in one container instance does, planned when the container starts: when its
// ports answer, when (and how) it exits, when its health endpoints start failing, and how long
// it takes to stop on SIGTERM. Every restart plans afresh (fail-probability draws again).
import type { Random } from '../sim/random';
import { parseQuantity } from '../api/quantity';
import { workloadSpec } from './annotations';
import { parseDuration } from '../sim/duration';
import { isShellImage, parseImage } from './images';

export type ContainerRole = 'init' | 'sidecar' | 'regular';

export interface ProcessExit {
  afterMs: number;
  exitCode: number;
  /** containerStatus.state.terminated.reason */
  reason: 'Completed' | 'Error' | 'OOMKilled';
}

export interface ProcessPlan {
  /** Ports (and exec probes) answer this long after start. */
  readyAfterMs: number;
  exit?: ProcessExit;
  livenessFailsAfterMs?: number;
  readinessFailsAfterMs?: number;
  /** Time from SIGTERM to exit. */
  shutdownMs: number;
}

/** A healthy server answers "a short time" after it starts. */
export const DEFAULT_START_MS = 100;
/** Init containers without a declared behaviour finish after this long, with exit code 0. */
export const DEFAULT_INIT_RUN_MS = 1_000;
/** Containers of Never/OnFailure pods (Jobs) are batch runs that finish after this long. */
export const DEFAULT_BATCH_RUN_MS = 5_000;
/** Exit code of a process that dies of SIGTERM (128 + 15); SIGKILL gives 137 (128 + 9). */
export const SIGTERM_EXIT_CODE = 143;
export const SIGKILL_EXIT_CODE = 137;

function reasonFor(code: number): ProcessExit['reason'] {
  return code === 0 ? 'Completed' : 'Error';
}

/** `sleep N` (or `sleep Ns`) anywhere in command + args, as busybox/coreutils sleep reads it. */
function sleepMs(words: string[]): number | 'forever' | undefined {
  const text = words.join(' ');
  if (/\bsleep\s+infinity\b/.test(text) || /while\s+true|tail\s+-f/.test(text)) return 'forever';
  const m = /\bsleep\s+(\d+(?:\.\d+)?[smhd]?)\b/.exec(text);
  if (!m) return undefined;
  const v = m[1];
  if (v.endsWith('d')) return parseFloat(v) * 86_400_000;
  return parseDuration(/[smh]$/.test(v) ? v : `${v}s`);
}

export function planProcess(pod: any, container: any, role: ContainerRole, rnd: Random): ProcessPlan {
  const spec = workloadSpec(pod.metadata?.annotations, container.name);
  const plan: ProcessPlan = {
    readyAfterMs: spec.startMs ?? DEFAULT_START_MS,
    shutdownMs: spec.shutdownMs ?? 0,
  };
  if (spec.livenessFailsAfterMs !== undefined) plan.livenessFailsAfterMs = spec.livenessFailsAfterMs;
  if (spec.readinessFailsAfterMs !== undefined) plan.readinessFailsAfterMs = spec.readinessFailsAfterMs;

  const exits: ProcessExit[] = [];
  if (spec.crashAfterMs !== undefined) {
    const code = spec.exitCode ?? 1;
    exits.push({ afterMs: spec.crashAfterMs, exitCode: code, reason: reasonFor(code) });
  }
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
  const batch = role === 'init' || (role === 'regular' && restartPolicy !== 'Always');
  let runMs = spec.runMs;
  if (runMs === undefined && spec.crashAfterMs === undefined) {
    const words = [...(container.command ?? []), ...(container.args ?? [])].map(String);
    const sleep = sleepMs(words);
    const img = parseImage(container.image ?? '');
    if (typeof sleep === 'number') runMs = sleep;
    else if (sleep === undefined && words.length === 0 && img.ok && isShellImage(img.ref)) runMs = 0;
    else if (sleep === undefined && batch) runMs = role === 'init' ? DEFAULT_INIT_RUN_MS : DEFAULT_BATCH_RUN_MS;
  }
  if (runMs !== undefined) {
    let code = spec.exitCode ?? 0;
    if (spec.failProbability !== undefined) {
      const failed = rnd.next() < spec.failProbability;
      code = failed ? (spec.exitCode && spec.exitCode !== 0 ? spec.exitCode : 1) : 0;
    }
    exits.push({ afterMs: runMs, exitCode: code, reason: reasonFor(code) });
  }
  if (spec.memoryGrowth !== undefined) {
    const limit = container.resources?.limits?.memory;
    if (limit !== undefined) {
      let bytes: number | undefined;
      try {
        bytes = parseQuantity(String(limit)).value();
      } catch {
        bytes = undefined;
      }
      if (bytes !== undefined && bytes > 0) {
        // The cgroup OOM killer fires the moment usage passes limits.memory.
        exits.push({ afterMs: Math.ceil((bytes / spec.memoryGrowth) * 1000), exitCode: SIGKILL_EXIT_CODE, reason: 'OOMKilled' });
      }
    }
  }
  if (exits.length) {
    exits.sort((a, b) => a.afterMs - b.afterMs);
    plan.exit = exits[0];
  }
  return plan;
}
