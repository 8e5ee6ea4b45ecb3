// The pod conditions the kubelet owns (pkg/kubelet/status/generate.go): PodReadyToStartContainers,
// Initialized, Ready and ContainersReady, listed first and in that order, then the conditions
// other components set (PodScheduled, DisruptionTarget...) as they are stored.
//
// A status write usually changes one field, so unchanged conditions (and an unchanged list) are
// kept as the stored objects: the store then compares them by identity. That is only done for a
// list this kubelet built itself (`own`): its conditions have their keys in condition()'s order,
// so a kept one is the same JSON text as a rebuilt one would be.

export const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

/** The first condition of this type in list, if any. */
export function conditionOf(list: any[] | undefined, type: string): any {
  if (list) for (const c of list) if (c.type === type) return c;
  return undefined;
}

/**
 * Condition `type` (at index i of the kubelet's ones) as it is now: reason and message only when
 * False, lastTransitionTime kept while the status stays. The stored one itself when it already is
 * exactly that and `own`.
 */
export function kubeletCondition(
  old: any[] | undefined,
  own: boolean,
  i: number,
  type: string,
  ok: boolean,
  reason: string | undefined,
  message: string | undefined,
  now: string,
  gen: number | undefined,
): any {
  const at = own ? old?.[i] : undefined;
  const prev = at?.type === type ? at : conditionOf(old, type);
  const status = ok ? 'True' : 'False';
  const r = ok || !reason ? undefined : reason;
  const m = ok || !message ? undefined : message;
  const lastTransitionTime = prev && prev.status === status ? prev.lastTransitionTime : now;
  if (prev !== undefined && prev === at && prev.status === status && prev.reason === r && prev.message === m && prev.lastTransitionTime === lastTransitionTime && prev.observedGeneration === gen) {
    return prev;
  }
  const c: Record<string, unknown> = { lastProbeTime: null, status, type };
  if (r) c.reason = r;
  if (m) c.message = m;
  c.lastTransitionTime = lastTransitionTime;
  if (gen !== undefined) c.observedGeneration = gen;
  return c;
}

/** The conditions of other components, in stored order. */
export function otherConditions(old: any[] | undefined): any[] {
  return (old ?? []).filter((c: any) => !KUBELET_CONDITIONS.includes(c.type));
}

/**
 * The whole list: `mine` (the kubelet's, from kubeletCondition) then the others. The stored list
 * itself when `own` and every one of mine is the stored one: the others after them are then the
 * same too, as that list was built by this function.
 */
export function conditionList(old: any[] | undefined, own: boolean, mine: any[]): any[] {
  if (own && old && old.length >= mine.length) {
    let same = true;
    for (let i = 0; i < mine.length && same; i++) same = mine[i] === old[i];
    if (same) return old;
  }
  // Sized once (no growing and no filtered copy): this runs for nearly every status write.
  let others = 0;
  if (old) for (const c of old) if (!KUBELET_CONDITIONS.includes(c.type)) others++;
  if (others === 0) return mine;
  const list = new Array(mine.length + others);
  let n = 0;
  for (const c of mine) list[n++] = c;
  for (const c of old!) if (!KUBELET_CONDITIONS.includes(c.type)) list[n++] = c;
  return list;
}
