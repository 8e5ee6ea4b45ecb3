// slowStartBatch (pkg/controller/replicaset/replica_set.go): call fn `count` times in batches of
// 1, 2, 4, ... A batch starts only if every call of the previous one succeeded, so a controller
// that cannot create pods (quota, admission) makes one failing call instead of hundreds.
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export function slowStartBatch(count: number, initialBatchSize: number, fn: () => Error | undefined): { successes: number; error?: Error } {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error: Error | undefined;
    let ok = 0;
    for (let i = 0; i < batch; i++) {
      const err = fn();
      if (err) error ??= err;
      else ok++;
    }
    successes += ok;
    if (error) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}
