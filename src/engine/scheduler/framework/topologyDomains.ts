// The topology domains of the listed nodes for one topology key, numbered: domain d is a label
// value (or the absence of the label), and each node's domain is looked up by its position in the
// snapshot's node list (NodeInfo.position).
//
// Why it exists: PodTopologySpread's PreScore and Score look up the domain of every node for every
// pod scheduled; kube-scheduler keys maps by the label value there. Numbering the domains once per
// node set lets them index plain arrays instead, with the same counts. The scheduler cache rebuilds
// it when nodes are added, removed or relabelled.
import type { NodeInfo } from './nodeInfo';

export class TopologyDomains {
  /** Domain number -> label value; undefined is the domain of the nodes without the label. */
  readonly values: (string | undefined)[] = [];
  /** NodeInfo.position -> domain number. */
  private readonly byPosition: number[];

  constructor(key: string, nodes: readonly NodeInfo[]) {
    const numbers = new Map<string | undefined, number>();
    this.byPosition = new Array<number>(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const v = nodes[i].labels[key];
      let d = numbers.get(v);
      if (d === undefined) {
        d = this.values.length;
        numbers.set(v, d);
        this.values.push(v);
      }
      this.byPosition[i] = d;
    }
  }

  get size(): number {
    return this.values.length;
  }

  /** The domain of a node of the list this was built from. */
  of(node: NodeInfo): number {
    return this.byPosition[node.position];
  }
}
