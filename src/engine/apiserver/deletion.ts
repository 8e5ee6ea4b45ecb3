// What a DELETE does to an object's finalizers (staging/src/k8s.io/apiserver/pkg/registry/generic/
// registry/store.go, deletionFinalizersForGarbageCollection): the propagation policy becomes the
// garbage collector's orphan or foregroundDeletion finalizer.
import type { PropagationPolicy } from './store';

/** metav1.FinalizerOrphanDependents and metav1.FinalizerDeleteDependents. */
const FINALIZER_ORPHAN = 'orphan';
const FINALIZER_FOREGROUND = 'foregroundDeletion';

const NO_FINALIZERS: readonly string[] = Object.freeze([]);

/**
 * The finalizers after a delete with this propagation policy: Foreground and Orphan add their
 * finalizer and drop the other's, Background drops both; the rest keep their order, as a set.
 * The stored array itself (never mutated) when nothing changes, so most deletes copy nothing.
 */
export function deletionFinalizers(finalizers: readonly string[] | undefined, policy: PropagationPolicy | undefined): readonly string[] {
  const cur = finalizers ?? NO_FINALIZERS;
  const add = policy === 'Foreground' ? FINALIZER_FOREGROUND : policy === 'Orphan' ? FINALIZER_ORPHAN : undefined;
  const gcPolicy = add !== undefined || policy === 'Background';
  const drops = (f: string) => gcPolicy && f !== add && (f === FINALIZER_ORPHAN || f === FINALIZER_FOREGROUND);
  let unchanged = add === undefined;
  for (let i = 0; unchanged && i < cur.length; i++) if (drops(cur[i]) || cur.indexOf(cur[i]) !== i) unchanged = false;
  if (unchanged) return cur;
  const out = [...new Set(cur)].filter((f) => !drops(f));
  if (add !== undefined && !out.includes(add)) out.push(add);
  return out;
}
