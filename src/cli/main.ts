// The `kubeplay` command for Node: runs scenarios headless and prints the cluster state.
// main() takes its I/O as parameters so tests can call it in-process; bin/kubeplay.mjs wires it
// to the real process.
import { readFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { loadScenarioFiles, SCENARIO_COMPONENT, type ScenarioRunner } from '../engine/scenario/index';
import { formatDiagnostic } from '../manifests/diagnostics';
import { explainPodTable } from '../engine/scheduler/explain';
import { asList, toJson, toYaml } from '../engine/kubectl/printers/serialize';
import { renderAllTables } from '../engine/kubectl/commands/get';
import { KINDS } from '../engine/api/kinds';
import type { TraceRecord } from '../engine/sim/simulation';
import { parseRunArgs, USAGE, UsageError } from './args';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): string;
  /** Opens a file for line-by-line writing (the trace). */
  openWrite(path: string): { write(s: string): void; close(): void };
}

export const nodeIO: CliIO = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (p) => (p === '-' ? readFileSync(0, 'utf8') : readFileSync(p, 'utf8')),
  openWrite: (p) => {
    const fd = openSync(p, 'w');
    let buf = '';
    return {
      write: (s) => {
        buf += s;
        if (buf.length > 1 << 16) {
          writeSync(fd, buf);
          buf = '';
        }
      },
      close: () => {
        if (buf) writeSync(fd, buf);
        closeSync(fd);
      },
    };
  },
};

/** Kinds in the order `-o table` prints them (the order of `kubectl api-resources`). */
const TABLE_KINDS = ['Namespace', 'Node', 'PriorityClass', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'ConfigMap', 'Secret', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Lease', 'Event'];

const SLICE_MS = 100;
const MAX_OBJECTS = 50_000;

export function main(argv: string[], io: CliIO = nodeIO): number {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    io.stdout(USAGE);
    return cmd ? 0 : 1;
  }
  if (cmd !== 'run') {
    io.stderr(`error: unknown command "${cmd}" for "kubeplay"\n${USAGE}`);
    return 1;
  }
  let args;
  try {
    args = parseRunArgs(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n`);
      return 1;
    }
    throw e;
  }

  const sources: { file: string; text: string }[] = [];
  for (const f of args.files) {
    try {
      sources.push({ file: f, text: io.readFile(f) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(code === 'ENOENT' ? `error: the path "${f}" does not exist\n` : `error: ${f}: ${(e as Error).message}\n`);
      return 1;
    }
  }

  let trace: ReturnType<CliIO['openWrite']> | undefined;
  if (args.trace) {
    try {
      trace = io.openWrite(args.trace);
    } catch (e) {
      io.stderr(`error: cannot write trace file "${args.trace}": ${(e as Error).message}\n`);
      return 1;
    }
  }
  const onTrace = trace ? (rec: TraceRecord) => trace!.write(JSON.stringify({ t: rec.t, type: rec.type, object: rec.object }) + '\n') : undefined;

  try {
    const { sim, diagnostics } = loadScenarioFiles(sources, { seed: args.seed, trace: onTrace });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    for (const d of diagnostics) {
      if (d.severity !== 'error') io.stderr(`${d.file}:${d.line}:${d.column}: warning: ${d.message}\n`);
    }
    if (errors.length) {
      for (const d of errors) io.stderr(formatDiagnostic(d) + '\n');
      return 1;
    }
    // Run in slices so a runaway (a valid but enormous spec.replicas) stops with a message
    // instead of exhausting memory; the slicing does not change what happens.
    let objects = sim.api.all().length;
    const stopCounting = sim.onChange((rec) => {
      if (rec.type === 'ADDED') objects++;
      else if (rec.type === 'DELETED') objects--;
    });
    try {
      for (let t = Math.min(args.untilMs, sim.now + SLICE_MS); ; t = Math.min(args.untilMs, t + SLICE_MS)) {
        sim.runUntil(t);
        if (objects > MAX_OBJECTS) {
          io.stderr(`error: the simulation stopped at t=${sim.now / 1000}s: more than ${MAX_OBJECTS} objects in the store (kubeplay's limit for a headless run)\n`);
          return 1;
        }
        if (t >= args.untilMs) break;
      }
    } catch (e) {
      io.stderr(`error: the simulation failed at t=${sim.now}ms: ${(e as Error).message}\n`);
      return 1;
    } finally {
      stopCounting();
    }
    const runner = sim.component<ScenarioRunner>(SCENARIO_COMPONENT);
    for (const r of runner?.log ?? []) {
      if (r.exitCode === 0) continue;
      const step = runner!.steps[r.index];
      const where = step?.source ? `${step.source.file}:${step.source.line}:${step.source.column}: ` : '';
      for (const line of r.stderr.trimEnd().split('\n')) io.stderr(`${where}step at ${r.t / 1000}s: ${line}\n`);
    }

    if (!args.explain || args.outputGiven) {
      const items = sim.all();
      if (args.output === 'json') io.stdout(toJson(asList(items)));
      else if (args.output === 'yaml') io.stdout(toYaml(asList(items)));
      else io.stdout(renderAllTables(sim, [...TABLE_KINDS, ...KINDS.map((k) => k.kind).filter((k) => !TABLE_KINDS.includes(k))]));
    }
    if (args.explain) {
      const i = args.explain.indexOf('/');
      const ns = i < 0 ? 'default' : args.explain.slice(0, i);
      const name = i < 0 ? args.explain : args.explain.slice(i + 1);
      if (!sim.get('Pod', ns, name)) {
        io.stderr(`Error from server (NotFound): pods "${name}" not found\n`);
        return 1;
      }
      io.stdout(explainPodTable(sim, ns, name));
    }
    return 0;
  } finally {
    trace?.close();
  }
}
