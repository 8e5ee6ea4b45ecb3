// Verb name -> implementation. The node verbs (cordon, uncordon, taint, drain) are owned by the
// kubelet/node area and share the KubectlCommand signature.
import type { KubectlCommand } from '../types';
import { ok } from '../types';
import { apply } from './apply';
import { cordon } from './cordon';
import { create } from './create';
import { del } from './delete';
import { describe } from './describe';
import { drain } from './drain';
import { get } from './get';
import { apiResources, top } from './info';
import { annotate, label } from './labels';
import { logs } from './logs';
import { patch } from './patch';
import { rollout } from './rollout';
import { expose, run } from './run';
import { scale } from './scale';
import { set } from './set';
import { taint } from './taint';
import { uncordon } from './uncordon';
import { KUBELET_VERSION } from '../../kubelet/constants';

export const COMMANDS: Record<string, KubectlCommand> = {
  annotate,
  'api-resources': apiResources,
  apply,
  cordon,
  create,
  delete: del,
  describe,
  drain,
  expose,
  get,
  label,
  logs,
  patch,
  rollout,
  run,
  scale,
  set,
  taint,
  top,
  uncordon,
  version: () => ok(`Client Version: ${KUBELET_VERSION}\nKustomize Version: v5.7.1\nServer Version: ${KUBELET_VERSION}\n`),
};
