// Strategy validation (pkg/apis/*/validation), per kind.
import type { AdmissionChain } from '../../apiserver/admission';

export function installValidation(_chain: AdmissionChain): void {
  // Filled in by the API-machinery work (validation per kind).
}
