// Verb name -> implementation. Node verbs (cordon, uncordon, taint, drain) are written by the
// kubelet/node area in this folder with the same KubectlCommand signature.
// TODO(node verbs): register cordon/uncordon/taint/drain here once commands/{cordon,uncordon,taint,drain}.ts exist.
import type { KubectlCommand } from '../types';
import { ok } from '../types';
import { apply } from './apply';
import { create } from './create';
import { del } from './delete';
import { describe } from './describe';
import { get } from './get';
import { annotate, label } from './labels';
import { logs } from './logs';
import { patch } from './patch';
import { rollout } from './rollout';
import { scale } from './scale';
import { set } from './set';

export const COMMANDS: Record<string, KubectlCommand> = {
  annotate,
  apply,
  create,
  delete: del,
  describe,
  get,
  label,
  logs,
  patch,
  rollout,
  scale,
  set,
  version: () => ok('Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n'),
};
