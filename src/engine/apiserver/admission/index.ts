// The admission plugins the simulated API server runs, in kube-apiserver's order.
import type { AdmissionChain } from '../admission';
import { installDefaulting } from '../../api/defaults/index';
import { installValidation } from '../../api/validation/index';

export function installAdmission(chain: AdmissionChain): void {
  installDefaulting(chain);
  installValidation(chain);
}
