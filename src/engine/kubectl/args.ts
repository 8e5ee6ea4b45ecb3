// Command-line splitting and flag parsing as kubectl's cobra/pflag does it: "--flag=value",
// "--flag value", "-n value", "-nvalue", bare booleans, and "--" ending the flags.
import type { ParsedArgs } from './types';

/** Short flags kubectl defines, mapped to their long names. */
const SHORT: Record<string, string> = {
  n: 'namespace',
  o: 'output',
  l: 'selector',
  f: 'filename',
  A: 'all-namespaces',
  w: 'watch',
  c: 'container',
  p: 'previous',
  R: 'recursive',
  k: 'kustomize',
  i: 'stdin',
  t: 'tty',
  h: 'help',
  L: 'label-columns',
};

/** Short flags whose meaning depends on the verb. */
const SHORT_BY_VERB: Record<string, Record<string, string>> = {
  patch: { p: 'patch' },
  scale: {},
};

/** Flags that never take a separate value (pflag NoOptDefVal). */
const BOOLEAN = new Set([
  'all-namespaces', 'watch', 'previous', 'recursive', 'stdin', 'tty', 'help', 'all', 'overwrite', 'now', 'force',
  'show-labels', 'no-headers', 'ignore-not-found', 'wait', 'local', 'record', 'ignore-daemonsets',
  'delete-emptydir-data', 'disable-eviction', 'show-events', 'follow', 'timestamps', 'show-kind', 'watch-only',
  'server-side', 'force-conflicts', 'list', 'resolve',
]);

export class ArgError extends Error {}

/** Split a command line like a POSIX shell: whitespace-separated words, '...' and "..." quoting, backslash escapes. */
export function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) throw new ArgError(`unterminated ${quote === '"' ? 'double' : 'single'} quote`);
  if (has) out.push(cur);
  return out;
}

/** Parse argv (without "kubectl") into verb, positional args and flags. */
export function parseArgs(argv: string[]): ParsedArgs {
  const words = [...argv];
  if (words[0] === 'kubectl') words.shift();
  const flags: Record<string, string | boolean> = {};
  const multi: Record<string, string[]> = {};
  const positional: string[] = [];
  const set = (name: string, v: string | boolean) => {
    flags[name] = v;
    (multi[name] ??= []).push(String(v));
  };
  const verbGuess = words.find((w) => !w.startsWith('-')) ?? '';
  const shortFor = (l: string) => SHORT_BY_VERB[verbGuess]?.[l] ?? SHORT[l];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      if (eq >= 0) set(name, w.slice(eq + 1));
      else if (BOOLEAN.has(name)) set(name, true);
      else if (i + 1 < words.length) set(name, words[++i]);
      else throw new ArgError(`flag needs an argument: --${name}`);
    } else if (w.startsWith('-') && w.length > 1 && w !== '-') {
      const letter = w[1];
      const name = shortFor(letter);
      if (!name) throw new ArgError(`unknown shorthand flag: '${letter}' in ${w}`);
      let rest = w.slice(2);
      if (rest.startsWith('=')) rest = rest.slice(1);
      if (BOOLEAN.has(name)) {
        set(name, true);
        // Combined booleans like -Aw.
        for (const l of rest) {
          const n2 = shortFor(l);
          if (!n2) throw new ArgError(`unknown shorthand flag: '${l}' in ${w}`);
          set(n2, true);
        }
      } else if (rest) set(name, rest);
      else if (i + 1 < words.length) set(name, words[++i]);
      else throw new ArgError(`flag needs an argument: '${letter}' in -${letter}`);
    } else {
      positional.push(w);
    }
  }
  const verb = positional.shift() ?? '';
  return { verb, args: positional, flags, multi };
}
