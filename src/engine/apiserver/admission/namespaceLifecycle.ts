// The NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle): nothing new
// may be created in a namespace that is being terminated. (A missing namespace is already a
// NotFound from the store.)
import type { AdmissionContext } from '../admission';
import type { KubeObject } from '../../api/meta';
import { isNamespaced } from '../../api/kinds';
import { forbidden } from './forbidden';

export function namespaceLifecycleAdmission(obj: KubeObject, _old: KubeObject | undefined, ctx: AdmissionContext): void {
  if (ctx.op !== 'CREATE' || obj.kind === 'Namespace' || !isNamespaced(obj.kind)) return;
  const ns = obj.metadata.namespace;
  if (!ns) return;
  const nsObj = ctx.get('Namespace', undefined, ns);
  if (nsObj && (nsObj.status?.phase === 'Terminating' || nsObj.metadata.deletionTimestamp)) {
    throw forbidden(obj, ctx.op, `unable to create new content in namespace ${ns} because it is being terminated`);
  }
}
