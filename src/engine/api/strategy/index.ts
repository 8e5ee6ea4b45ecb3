// Registry strategy hooks that run after mutating admission and before validation
// (rest.BeforeCreate -> PrepareForCreate; the Service REST storage's address allocation).
import type { AdmissionChain } from '../../apiserver/admission';
import { prepareForCreate } from './prepareForCreate';
import { allocateServiceAddresses } from './serviceAllocation';

export function installStrategies(chain: AdmissionChain): void {
  chain.addMutating('PrepareForCreate', (obj, old, ctx) => {
    if (ctx.op === 'CREATE') prepareForCreate(obj, ctx.now);
    if (obj.kind === 'Service') allocateServiceAddresses(obj, old, ctx);
  });
}
