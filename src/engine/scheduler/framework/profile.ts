// The default profile (pkg/scheduler/apis/config/v1/default_plugins.go), in its MultiPoint order,
// with the default score weights. Volume and DRA plugins are left out: the simulator has no
// volumes or devices.
import type { Plugin } from './interface';
import { Framework } from './runtime';
import type { SchedulerCache } from './cache';
import { NodeUnschedulable } from '../plugins/NodeUnschedulable';
import { NodeName } from '../plugins/NodeName';
import { TaintToleration } from '../plugins/TaintToleration';
import { NodeAffinity } from '../plugins/NodeAffinity';
import { NodePorts } from '../plugins/NodePorts';
import { NodeResourcesFit } from '../plugins/NodeResourcesFit';
import { PodTopologySpread } from '../plugins/PodTopologySpread';
import { InterPodAffinity } from '../plugins/InterPodAffinity';
import { NodeResourcesBalancedAllocation } from '../plugins/NodeResourcesBalancedAllocation';
import { ImageLocality } from '../plugins/ImageLocality';

export const DEFAULT_SCORE_WEIGHTS: Record<string, number> = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1,
};

export function defaultFramework(cache: SchedulerCache): Framework {
  const plugins: Plugin[] = [
    new NodeUnschedulable(),
    new NodeName(),
    new TaintToleration(),
    new NodeAffinity(),
    new NodePorts(),
    new NodeResourcesFit(),
    new PodTopologySpread(),
    new InterPodAffinity(),
    new NodeResourcesBalancedAllocation(),
    new ImageLocality(() => ({ imageNodes: cache.imageNodes, totalNodes: cache.nodes.length })),
  ];
  return new Framework(plugins, DEFAULT_SCORE_WEIGHTS);
}
