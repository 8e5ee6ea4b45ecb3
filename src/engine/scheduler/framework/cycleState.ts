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

/**
 * A plugin's PreScore result, written to the CycleState and also kept at hand for the cycle that
 * wrote it: Score runs once per node, and a field read is cheaper than a map lookup each time.
 */
export class PreScoreMemo<T> {
  private state: CycleState | undefined;
  private value: T | undefined;

  constructor(private readonly key: string) {}

  write(state: CycleState, value: T): void {
    state.write(this.key, value);
    this.state = state;
    this.value = value;
  }

  read(state: CycleState): T | undefined {
    return this.state === state ? this.value : state.read<T>(this.key);
  }
}
