// Scheme defaulting (SetDefaults_*) and strategy PrepareForCreate, per kind.
import type { AdmissionChain } from '../../apiserver/admission';

export function installDefaulting(_chain: AdmissionChain): void {
  // Filled in by the API-machinery work (defaults per kind).
}
