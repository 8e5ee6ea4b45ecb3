// ControllerRefManager.ClaimObject (pkg/controller/controller_ref_manager.go): a controller owns
// the objects whose controllerRef names it; it adopts orphans its selector matches and releases
// objects it owns that its selector no longer matches. Adoption and release are ownerReference
// patches, as upstream.
import type { ApiServer } from '../../apiserver/store';
import { ApiError } from '../../apiserver/errors';
import { controllerRef, newControllerRef, type KubeObject } from '../../api/meta';

export type ClaimDecision = 'owned' | 'adopt' | 'release' | 'ignore';

export function claimDecision(owner: KubeObject, obj: KubeObject, matches: boolean): ClaimDecision {
  const ref = controllerRef(obj);
  if (ref) {
    if (ref.uid !== owner.metadata.uid) return 'ignore';
    if (matches) return 'owned';
    // Releasing is an action; a controller that is being deleted takes none.
    return owner.metadata.deletionTimestamp ? 'ignore' : 'release';
  }
  if (owner.metadata.deletionTimestamp || !matches) return 'ignore';
  if (obj.metadata.deletionTimestamp) return 'ignore';
  if (owner.metadata.namespace && owner.metadata.namespace !== obj.metadata.namespace) return 'ignore';
  return 'adopt';
}

/**
 * Claim every candidate: returns the objects the owner controls afterwards. Adoption first
 * re-reads the owner (RecheckDeletionTimestamp) so a controller being deleted adopts nothing.
 */
export function claimObjects(api: ApiServer, owner: KubeObject, candidates: KubeObject[], matches: (o: KubeObject) => boolean): KubeObject[] {
  const claimed: KubeObject[] = [];
  let canAdopt: boolean | undefined;
  for (const obj of candidates) {
    const d = claimDecision(owner, obj, matches(obj));
    if (d === 'owned') claimed.push(obj);
    else if (d === 'release') releaseObject(api, owner, obj);
    else if (d === 'adopt') {
      if (canAdopt === undefined) {
        const fresh = api.get(owner.kind, owner.metadata.namespace, owner.metadata.name);
        canAdopt = !!fresh && fresh.metadata.uid === owner.metadata.uid && !fresh.metadata.deletionTimestamp;
      }
      if (!canAdopt) continue;
      const adopted = adoptObject(api, owner, obj);
      if (adopted) claimed.push(adopted);
    }
  }
  return claimed;
}

function adoptObject(api: ApiServer, owner: KubeObject, obj: KubeObject): KubeObject | undefined {
  try {
    return api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
      if (draft.metadata.uid !== obj.metadata.uid || controllerRef(draft)) return false;
      draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), newControllerRef(owner)];
    });
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'NotFound') return undefined;
    throw e;
  }
}

function releaseObject(api: ApiServer, owner: KubeObject, obj: KubeObject): void {
  try {
    api.mutate(obj.kind, obj.metadata.namespace, obj.metadata.name, (draft) => {
      const refs = draft.metadata.ownerReferences ?? [];
      const kept = refs.filter((r) => r.uid !== owner.metadata.uid);
      if (kept.length === refs.length) return false;
      if (kept.length) draft.metadata.ownerReferences = kept;
      else delete draft.metadata.ownerReferences;
    });
  } catch (e) {
    if (!(e instanceof ApiError && e.reason === 'NotFound')) throw e;
  }
}
