// CycleState (pkg/scheduler/framework/cycle_state.go): data plugins share within one scheduling
// cycle of one pod, keyed by plugin. It lives only for the cycle, so it needs no snapshotting.
export class CycleState {
  private data = new Map<string, unknown>();
  /** Plugins whose PreFilter/PreScore returned Skip. */
  readonly skipFilter = new Set<string>();
  readonly skipScore = new Set<string>();
  /** PreFilterResult.NodeNames by plugin: the only nodes worth filtering (NodeAffinity on metadata.name). */
  readonly preFilterNodeNames = new Map<string, Set<string>>();

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) c.data.set(k, v);
    for (const s of this.skipFilter) c.skipFilter.add(s);
    for (const s of this.skipScore) c.skipScore.add(s);
    for (const [k, v] of this.preFilterNodeNames) c.preFilterNodeNames.set(k, v);
    return c;
  }
}
