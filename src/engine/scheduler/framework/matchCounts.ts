// How many of a node's pods match a label selector in a namespace, kept with the NodeInfo and
// updated as pods are added and removed, for the few selectors asked about most recently.
//
// Why it exists: PodTopologySpread needs that count for every node on every scheduling cycle
// (countPodsMatchSelector in PreFilter, PreScore and Score). kube-scheduler walks each node's pods
// to get it, so one cycle costs O(pods in the cluster); here a count, once taken, follows the
// node's pods (one selector match per pod added or removed) and reading it is O(1). The result is
// the same number: terminating pods and other namespaces never count.
import type { PodInfo } from './podInfo';

/** The part of a selector the counts need; `key` identifies it (equal keys select the same pods). */
export interface CountedSelector {
  key: string;
  matches(labels: Record<string, string>): boolean;
}

interface Entry {
  key: string;
  ns: string;
  selector: CountedSelector;
  count: number;
  /** When it was last read (a counter, not a clock), to replace the least recently used. */
  used: number;
}

/** Selectors counted per node: a spread constraint's pods rarely share the cluster with more than a few others. */
const MAX_ENTRIES = 4;
let reads = 0;

/** Whether a pod counts for countPodsMatchSelector (terminating pods do not). */
function counts(p: PodInfo, ns: string, selector: CountedSelector): boolean {
  return !p.pod.metadata.deletionTimestamp && p.namespace === ns && selector.matches(p.labels);
}

export class MatchCounts {
  private entries: Entry[] = [];

  /** The number of `pods` (this node's) that match; counted once, then kept up to date by update(). */
  count(pods: readonly PodInfo[], selector: CountedSelector, ns: string): number {
    const key = selector.key;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e.key === key && e.ns === ns) {
        e.used = ++reads;
        return e.count;
      }
    }
    let n = 0;
    for (let i = 0; i < pods.length; i++) if (counts(pods[i], ns, selector)) n++;
    const entry: Entry = { key, ns, selector, count: n, used: ++reads };
    if (this.entries.length < MAX_ENTRIES) this.entries.push(entry);
    else {
      let lru = 0;
      for (let i = 1; i < this.entries.length; i++) if (this.entries[i].used < this.entries[lru].used) lru = i;
      this.entries[lru] = entry;
    }
    return n;
  }

  /** A pod was added to (+1) or removed from (-1) the node. */
  update(p: PodInfo, sign: 1 | -1): void {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (counts(p, e.ns, e.selector)) e.count += sign;
    }
  }

  /** Forget every count (they are taken again when next asked for). */
  clear(): void {
    this.entries.length = 0;
  }
}
