// ControllerExpectations (pkg/controller/controller_utils.go): a controller records how many
// creates/deletes it issued and skips manageReplicas until the informer has observed them all,
// or until ExpectationsTimeout (5 min) passed. Deletions are tracked by pod key so each is
// counted exactly once (UIDTrackingControllerExpectations). Plain JSON so snapshots work.

export interface Expectation {
  add: number;
  del: number;
  /** Simulated ms when the expectations were set. */
  timestamp: number;
  /** Pod keys whose deletion is still expected. */
  deleting: string[];
}

export type ExpectationsState = Record<string, Expectation>;

export class ControllerExpectations {
  constructor(
    private state: ExpectationsState,
    private readonly timeoutMs: number,
  ) {}

  get raw(): ExpectationsState {
    return this.state;
  }

  /** Satisfied when nothing is pending, nothing was recorded, or the record expired. */
  satisfied(key: string, now: number): boolean {
    const e = this.state[key];
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return now - e.timestamp > this.timeoutMs;
  }

  expectCreations(key: string, n: number, now: number): void {
    this.state[key] = { add: n, del: 0, timestamp: now, deleting: [] };
  }

  expectDeletions(key: string, podKeys: string[], now: number): void {
    this.state[key] = { add: 0, del: podKeys.length, timestamp: now, deleting: [...podKeys] };
  }

  creationObserved(key: string): void {
    const e = this.state[key];
    if (e) e.add -= 1;
  }

  /** Counted once per pod key: a pod seen with a deletionTimestamp and then deleted counts once. */
  deletionObserved(key: string, podKey: string): void {
    const e = this.state[key];
    if (!e) return;
    const i = e.deleting.indexOf(podKey);
    if (i < 0) return;
    e.deleting.splice(i, 1);
    e.del -= 1;
  }

  delete(key: string): void {
    delete this.state[key];
  }
}
