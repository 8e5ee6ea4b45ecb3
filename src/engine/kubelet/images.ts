// The image manager (pkg/kubelet/images/image_manager.go): pull policy, the per-node image
// cache, the serialized puller (serializeImagePulls defaults to true) and the pull back-off
// (key podUID_image, 10s doubling to 300s), with the kubelet's event wording.
import type { KubeObject } from '../api/meta';
import { runtimeKey, type KubeletHost } from './host';
import type { ContainerRuntime, NodeAgent, PodRuntime } from './types';
import { Backoff } from './backoff';
import { PULL_BACKOFF_INITIAL_MS, PULL_BACKOFF_MAX_MS, PULL_BYTES_PER_MS, PULL_FAIL_MS, PULL_LATENCY_MS } from './constants';
import { defaultPullPolicy, imageID, parseImage, resolveImage, statusImage, type ImageParse, type ImageRef, type PullOutcome } from '../workload/images';
import { formatDuration } from '../sim/duration';

export type EnsureResult =
  | { kind: 'present'; image: string; imageID: string }
  | { kind: 'pulling' }
  | { kind: 'error'; reason: string; message: string };

/** What the image manager works out from an image reference: all of it pure. */
interface ImageFacts {
  parsed: ImageParse;
  /** The registry's answer to a pull (resolveImage). */
  outcome?: PullOutcome;
  /** The container status fields of a container running the image. */
  present?: Extract<EnsureResult, { kind: 'present' }>;
}

/**
 * A cluster runs few distinct images across many containers: each is resolved once. Results are
 * shared, so they are never modified. Bounded, as a cache, not state.
 */
const knownImages = new Map<string, ImageFacts>();

function imageFacts(image: string): ImageFacts {
  let f = knownImages.get(image);
  if (f === undefined) {
    if (knownImages.size >= 1024) knownImages.clear();
    f = { parsed: parseImage(image) };
    knownImages.set(image, f);
  }
  return f;
}

function outcomeOf(f: ImageFacts, ref: ImageRef): PullOutcome {
  return (f.outcome ??= resolveImage(ref));
}

function presentAs(f: ImageFacts, ref: ImageRef): EnsureResult {
  return (f.present ??= { kind: 'present', image: statusImage(ref), imageID: imageID(ref) });
}

export function pullBackoff(k: KubeletHost): Backoff {
  return new Backoff(k.state.pullBackoff, PULL_BACKOFF_INITIAL_MS, PULL_BACKOFF_MAX_MS);
}

/** How long pulling `size` bytes takes (or only the manifest check when the layers are cached). */
export function pullDurationMs(size: number, cached: boolean): number {
  return cached ? PULL_LATENCY_MS : PULL_LATENCY_MS + Math.round(size / PULL_BYTES_PER_MS);
}

/**
 * EnsureImageExists: either the image is usable now, or a pull was started (a "pulled" timer
 * will fire), or the container cannot start (InvalidImageName, ErrImageNeverPull, ImagePullBackOff).
 */
export function ensureImage(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, spec: any, agent: NodeAgent): EnsureResult {
  const image: string = spec.image ?? '';
  const facts = imageFacts(image);
  const parsed = facts.parsed;
  if (!parsed.ok) {
    const msg = `Failed to apply default image tag "${image}": ${parsed.error}`;
    k.podEvent(pod, 'Warning', 'InspectFailed', msg, c);
    return { kind: 'error', reason: 'InvalidImageName', message: msg };
  }
  const ref = parsed.ref;
  const present = agent.images[ref.full] !== undefined;
  const policy: string = spec.imagePullPolicy ?? defaultPullPolicy(image);
  if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
    if (present) {
      k.podEvent(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`, c);
      return presentAs(facts, ref);
    }
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    k.podEvent(pod, 'Warning', 'ErrImageNeverPull', msg, c);
    return { kind: 'error', reason: 'ErrImageNeverPull', message: msg };
  }
  const key = `${p.uid}_${image}`;
  const backoff = pullBackoff(k);
  if (backoff.isInBackOffSinceUpdate(key, k.now())) {
    const msg = `Back-off pulling image "${image}"`;
    k.podEvent(pod, 'Normal', 'BackOff', msg, c);
    const prev = k.state.pullErrors[key];
    return { kind: 'error', reason: 'ImagePullBackOff', message: prev ? `${msg}: ${prev}` : msg };
  }
  k.podEvent(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, c);
  const outcome = outcomeOf(facts, ref);
  const start = Math.max(k.now(), agent.pullFreeAt);
  const cached = present || (agent.inflight[ref.full] ?? -1) >= k.now();
  const duration = outcome.ok ? pullDurationMs(outcome.size, cached) : PULL_FAIL_MS;
  agent.pullFreeAt = start + duration;
  agent.inflight[ref.full] = start + duration;
  k.timer(start + duration - k.now(), 'pulled', {
    pod: runtimeKey(p),
    epoch: p.epoch,
    container: c.name,
    instance: c.instance,
    requestedAt: k.now(),
    startedAt: start,
  });
  return { kind: 'pulling' };
}

/** The pull finished: record Pulled or Failed and return what the container start does next. */
export function finishPull(k: KubeletHost, pod: KubeObject, p: PodRuntime, c: ContainerRuntime, spec: any, agent: NodeAgent, requestedAt: number, startedAt: number): EnsureResult {
  const image: string = spec.image;
  const facts = imageFacts(image);
  const parsed = facts.parsed;
  if (!parsed.ok) return { kind: 'error', reason: 'InvalidImageName', message: parsed.error };
  const ref = parsed.ref;
  const outcome = outcomeOf(facts, ref);
  if ((agent.inflight[ref.full] ?? Infinity) <= k.now()) delete agent.inflight[ref.full];
  if (!outcome.ok) {
    k.podEvent(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${outcome.error}`, c);
    pullBackoff(k).next(`${p.uid}_${image}`, k.now(), k.now());
    k.state.pullErrors[`${p.uid}_${image}`] = `ErrImagePull: ${outcome.error}`;
    return { kind: 'error', reason: 'ErrImagePull', message: outcome.error };
  }
  agent.images[ref.full] = outcome.size;
  const took = formatDuration(k.now() - startedAt);
  const total = formatDuration(k.now() - requestedAt);
  k.podEvent(pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${total} including waiting). Image size: ${outcome.size} bytes.`, c);
  pullBackoff(k).gc(k.now());
  delete k.state.pullErrors[`${p.uid}_${image}`];
  return presentAs(facts, ref);
}
