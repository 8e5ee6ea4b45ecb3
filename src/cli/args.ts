// Command line of the headless CLI (DESIGN.md "Headless CLI", a public contract):
//   kubeplay run FILE... [--until DURATION] [--seed N] [-o json|yaml|table] [--trace FILE] [--explain POD]
import { parseGoDuration } from '../engine/sim/duration';

export interface RunArgs {
  files: string[];
  untilMs: number;
  seed?: number;
  output: 'json' | 'yaml' | 'table';
  outputGiven: boolean;
  trace?: string;
  explain?: string;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  kubeplay run FILE... [--until DURATION] [--seed N] [-o json|yaml|table] [--trace FILE] [--explain POD]

Runs the manifests (and an optional kubeplay.dev/v1 Scenario) on a simulated cluster and prints
the state after DURATION of simulated time (default 300s).

Options:
  --until DURATION   simulated time to run, as a Go duration: 90s, 5m, 1h30m (default 300s)
  --seed N           seed of the simulation (overrides the Scenario's spec.seed; default 1)
  -o, --output FMT   json (a v1 List of every object), yaml, or table (default)
  --trace FILE       write one JSON line per store change: {"t","type","object"}
  --explain POD      print the scheduler's per-node explanation for POD ([namespace/]name)
`;

export function parseRunArgs(argv: string[]): RunArgs {
  const out: RunArgs = { files: [], untilMs: 300_000, output: 'table', outputGiven: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`flag needs an argument: ${flag}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith('--') && a.includes('=')) {
      inline = a.slice(a.indexOf('=') + 1);
      a = a.slice(0, a.indexOf('='));
    } else if (/^-o./.test(a)) {
      inline = a.slice(2).replace(/^=/, '');
      a = '-o';
    }
    const take = () => (inline !== undefined ? inline : value(i++, a));
    switch (a) {
      case '--until': {
        const v = take();
        let ms: number;
        try {
          ms = parseGoDuration(v);
        } catch (e) {
          throw new UsageError(`invalid argument "${v}" for "--until" flag: ${(e as Error).message}`);
        }
        if (ms < 0) throw new UsageError(`invalid argument "${v}" for "--until" flag: must not be negative`);
        out.untilMs = ms;
        break;
      }
      case '--seed': {
        const v = take();
        if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw new UsageError(`invalid argument "${v}" for "--seed" flag: must be an integer between 0 and 4294967295`);
        out.seed = Number(v);
        break;
      }
      case '-o':
      case '--output': {
        const v = take();
        if (v !== 'json' && v !== 'yaml' && v !== 'table') throw new UsageError(`invalid argument "${v}" for "-o" flag: must be one of json, yaml, table`);
        out.output = v;
        out.outputGiven = true;
        break;
      }
      case '--trace':
        out.trace = take();
        break;
      case '--explain':
        out.explain = take();
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown flag: ${a}`);
        out.files.push(a);
    }
  }
  if (out.files.length === 0) throw new UsageError('no input files: kubeplay run FILE...');
  return out;
}
