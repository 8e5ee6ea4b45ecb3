// The admission plugins the simulated API server runs, in kube-apiserver's order.
import type { AdmissionChain } from '../admission';
import { installDefaulting } from '../../api/defaults/index';
import { installStrategies } from '../../api/strategy/index';
import { installValidation } from '../../api/validation/index';
import { namespaceLifecycleAdmission } from './namespaceLifecycle';
import { limitRangerMutate, limitRangerValidate } from './limitRanger';
import { resourceQuotaValidate } from './resourceQuota';
import { serviceAccountAdmission } from './serviceAccount';
import { priorityAdmission } from './priority';
import { defaultTolerationSecondsAdmission } from './defaultTolerationSeconds';

export function installAdmission(chain: AdmissionChain): void {
  installDefaulting(chain);
  // Mutating admission plugins, in the order of kube-apiserver's recommended plugin list.
  chain.addMutating('NamespaceLifecycle', namespaceLifecycleAdmission);
  chain.addMutating('LimitRanger', limitRangerMutate);
  chain.addMutating('ServiceAccount', serviceAccountAdmission);
  chain.addMutating('Priority', priorityAdmission);
  chain.addMutating('DefaultTolerationSeconds', defaultTolerationSecondsAdmission);
  installStrategies(chain);
  installValidation(chain);
  // Validating admission runs after the registry's own validation.
  chain.addValidating('LimitRanger', limitRangerValidate);
  chain.addValidating('ResourceQuota', resourceQuotaValidate);
}
