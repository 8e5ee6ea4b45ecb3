// Every component of the simulated cluster, as kube-controller-manager, kube-scheduler and the
// kubelets would run them. Each is constructed fresh per Simulation.
import type { Component } from './sim/component';
import { ScenarioRunner } from './scenario/runner';
import { ReplicaSetController } from './controllers/replicaset/replica_set';
import { DeploymentController } from './controllers/deployment/deployment_controller';
import { GarbageCollector } from './controllers/garbagecollector/garbagecollector';
import { Kubelet } from './kubelet/kubelet';
import { NodeLifecycleController } from './controllers/nodelifecycle/node_lifecycle_controller';
import { TaintEvictionController } from './controllers/tainteviction/taint_eviction';
import { Scheduler } from './scheduler/scheduler';

export function createComponents(): Component[] {
  return [
    new ScenarioRunner(),
    new ReplicaSetController(),
    new DeploymentController(),
    new GarbageCollector(),
    new Kubelet(),
    new NodeLifecycleController(),
    new TaintEvictionController(),
    new Scheduler(),
  ];
}
