// Every component of the simulated cluster, as kube-controller-manager, kube-scheduler and the
// kubelets would run them. Each is constructed fresh per Simulation.
import type { Component } from './sim/component';

export function createComponents(): Component[] {
  return [];
}
