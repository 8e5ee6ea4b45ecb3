// pkg/controller/controller_utils.go, split by concern.
export * from './hash';
export * from './pods';
export * from './active_pods';
export * from './expectations';
export * from './slow_start';
export * from './replica_sets';
export * from './controller_ref_manager';
export * from './pod_control';
export * from './pod_indexer';
export * from './selectors';
