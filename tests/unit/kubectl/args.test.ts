import { describe, expect, it } from 'vitest';
import { parseArgs, tokenize } from '../../../src/engine/kubectl/args';
import { humanDuration } from '../../../src/engine/kubectl/printers/duration';
import { goTabwrite, tabwrite } from '../../../src/engine/kubectl/printers/tabwriter';

describe('command line parsing', () => {
  it('splits words with shell quoting', () => {
    expect(tokenize(`annotate pod x note="a b" other='c "d"' e\\ f`)).toEqual(['annotate', 'pod', 'x', 'note=a b', `other=c "d"`, 'e f']);
  });

  it('parses flags the way pflag does', () => {
    const a = parseArgs(tokenize('get pods -n kube-system -o=wide --selector app=web -A --show-labels'));
    expect(a.verb).toBe('get');
    expect(a.args).toEqual(['pods']);
    expect(a.flags).toEqual({ namespace: 'kube-system', output: 'wide', selector: 'app=web', 'all-namespaces': true, 'show-labels': true });
    expect(parseArgs(['kubectl', 'scale', 'deploy/web', '--replicas=5']).flags).toEqual({ replicas: '5' });
    expect(parseArgs(tokenize('logs web -p')).flags).toEqual({ previous: true });
    expect(parseArgs(tokenize(`patch deploy web -p '{"spec":{}}'`)).flags).toEqual({ patch: '{"spec":{}}' });
  });
});

describe('duration.HumanDuration', () => {
  it.each([
    [0, '0s'], [-1500, '0s'], [-2500, '<invalid>'], [59_000, '59s'], [119_999, '119s'], [120_000, '2m'], [150_000, '2m30s'],
    [600_000, '10m'], [179 * 60_000, '179m'], [3 * 3_600_000, '3h'], [3 * 3_600_000 + 5 * 60_000, '3h5m'], [8 * 3_600_000, '8h'],
    [47 * 3_600_000, '47h'], [48 * 3_600_000, '2d'], [50 * 3_600_000, '2d2h'], [8 * 86_400_000, '8d'], [730 * 86_400_000, '2y'],
    [731 * 86_400_000, '2y1d'], [9 * 365 * 86_400_000, '9y'],
  ])('%i ms -> %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('tabwriter', () => {
  it('pads every column but the last like kubectl get (minwidth 6, padding 3)', () => {
    expect(tabwrite([['NAME', 'READY', 'AGE'], ['a', '1/1', '5s']])).toBe('NAME   READY   AGE\na      1/1     5s\n');
  });

  it('aligns a column only over consecutive lines that have it (describe blocks)', () => {
    const out = goTabwrite('Name:\tweb\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x\n', { minwidth: 0, padding: 2 });
    expect(out).toBe('Name:  web\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/x\n');
  });
});
