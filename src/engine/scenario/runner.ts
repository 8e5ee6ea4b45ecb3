// The 'scenario' component: fires the Scenario's timed steps as events on the virtual clock, so
// they replay deterministically, survive snapshots and interleave with the cluster's own events.
// A step acts like a person at a terminal: kubectl and apply go through the API server; node
// stop/start goes to that node's kubelet (the machine is switched off or on); a pod step acts on
// the pod's process through its kubelet (the app crashes, or its health endpoints start failing),
// which is what the UI's live pod actions do, so a shared link replays them.
import type { Component, ComponentContext } from '../sim/component';
import type { ScheduledEvent } from '../sim/clock';
import type { Simulation } from '../sim/simulation';
import { runKubectl } from '../kubectl/index';
import type { KubeObject } from '../api/meta';
import type { PodAction, ScenarioStep, StepResult } from './types';

export const SCENARIO_COMPONENT = 'scenario';

interface RunnerState {
  steps: ScenarioStep[];
  log: StepResult[];
}

/** The kubelet's node switch, as the kubelet component exposes it. */
interface NodeSwitch {
  setNodeRunning(name: string, running: boolean): void;
}

/** The kubelet's app actions on a pod's process, as the kubelet component exposes them. */
interface AppActions {
  appAction(namespace: string, pod: string, action: PodAction, container?: string): boolean;
}

/** The step's output line, in the past tense like `node/worker-2 stopped`. */
export const POD_ACTION_DONE: Record<PodAction, string> = {
  crash: 'crashed',
  'break-readiness': 'readiness broken',
  'break-liveness': 'liveness broken',
  heal: 'healed',
};

export class ScenarioRunner implements Component {
  readonly name = SCENARIO_COMPONENT;
  private ctx!: ComponentContext;
  private sim: Simulation | undefined;
  private state: RunnerState = { steps: [], log: [] };

  start(ctx: ComponentContext): void {
    this.ctx = ctx;
  }

  /** Point the runner at the Simulation its kubectl steps drive (after restoring a snapshot into a new one). */
  attach(sim: Simulation): void {
    this.sim = sim;
  }

  /** Install the steps (absolute times) and the Simulation that kubectl steps drive. */
  load(sim: Simulation, steps: ScenarioStep[]): void {
    this.sim = sim;
    const base = this.state.steps.length;
    this.state.steps.push(...steps.map((s) => ({ ...s })));
    steps.forEach((s, i) => this.ctx.schedule(Math.max(0, s.at - this.ctx.clock.now), `step/${base + i}`, { index: base + i }));
  }

  /** Add one step now or later (live UI actions are recorded as steps). */
  addStep(sim: Simulation, step: ScenarioStep): void {
    this.load(sim, [step]);
  }

  get steps(): readonly ScenarioStep[] {
    return this.state.steps;
  }

  get log(): readonly StepResult[] {
    return this.state.log;
  }

  handle(ev: ScheduledEvent): void {
    const index = (ev.data as { index: number }).index;
    const step = this.state.steps[index];
    if (!step) return;
    const r = this.run(step);
    this.state.log.push({ t: this.ctx.clock.now, index, ...r });
  }

  private run(step: ScenarioStep): { stdout: string; stderr: string; exitCode: number } {
    const sim = this.sim;
    if (!sim) return { stdout: '', stderr: 'error: scenario runner has no simulation\n', exitCode: 1 };
    if (step.kubectl !== undefined) return runKubectl(sim, step.kubectl);
    if (step.apply !== undefined) return runKubectl(sim, ['apply', '-f', '-'], { stdin: step.apply });
    if (step.node) {
      const kubelet = this.ctx.component<NodeSwitch & Component>('kubelet');
      if (!kubelet || typeof kubelet.setNodeRunning !== 'function') {
        return { stdout: '', stderr: `error: cannot ${step.node.action} node "${step.node.name}": no kubelet component\n`, exitCode: 1 };
      }
      if (!sim.get('Node', undefined, step.node.name)) {
        return { stdout: '', stderr: `Error from server (NotFound): nodes "${step.node.name}" not found\n`, exitCode: 1 };
      }
      kubelet.setNodeRunning(step.node.name, step.node.action === 'start');
      return { stdout: `node/${step.node.name} ${step.node.action === 'start' ? 'started' : 'stopped'}\n`, stderr: '', exitCode: 0 };
    }
    if (step.pod) return this.runPod(sim, step.pod);
    return { stdout: '', stderr: 'error: empty step\n', exitCode: 1 };
  }

  private runPod(sim: Simulation, p: NonNullable<ScenarioStep['pod']>): { stdout: string; stderr: string; exitCode: number } {
    const fail = (stderr: string) => ({ stdout: '', stderr: stderr + '\n', exitCode: 1 });
    const pod = sim.get('Pod', p.namespace, p.name);
    if (!pod) return fail(`Error from server (NotFound): pods "${p.name}" not found`);
    // kubectl's wording for a container the pod does not have (polymorphichelpers/logsforobject.go).
    if (p.container !== undefined && !podContainerNames(pod).includes(p.container)) {
      return fail(`error: container ${p.container} is not valid for pod ${p.name}`);
    }
    const kubelet = this.ctx.component<AppActions & Component>('kubelet');
    if (!kubelet || typeof kubelet.appAction !== 'function') return fail(`error: cannot ${p.action} pod "${p.name}": no kubelet component`);
    // A crash needs a process to kill; the kubelet would otherwise do nothing and say nothing.
    if (p.action === 'crash' && !hasRunningContainer(pod, p.container)) return fail(`error: pod "${p.name}" has no running container`);
    if (!kubelet.appAction(p.namespace, p.name, p.action, p.container)) return fail(`error: pod "${p.name}" has no running container on a running node`);
    return { stdout: `pod/${p.name} ${POD_ACTION_DONE[p.action]}\n`, stderr: '', exitCode: 0 };
  }

  saveState(): unknown {
    return JSON.parse(JSON.stringify(this.state));
  }

  loadState(state: unknown): void {
    this.state = JSON.parse(JSON.stringify(state)) as RunnerState;
  }
}

function podContainerNames(pod: KubeObject): string[] {
  const spec = pod.spec ?? {};
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: { name: string }) => c.name);
}

/** Whether the pod's status shows a target container running (all regular ones without a name). */
function hasRunningContainer(pod: KubeObject, container?: string): boolean {
  const st = pod.status ?? {};
  const statuses: { name: string; state?: { running?: unknown } }[] = container
    ? [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])].filter((c: { name: string }) => c.name === container)
    : (st.containerStatuses ?? []);
  return statuses.some((c) => c.state?.running !== undefined);
}
