// The API server's watch events: what every informer handler receives after a write.
import { nsName, type KubeObject } from '../api/meta';
import type { Entry } from './objectIndex';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The object before this change (MODIFIED, DELETED). */
  old?: KubeObject;
  /**
   * "namespace/name" ("name" when cluster-scoped), the workqueue key. Set on every event the API
   * server sends, and one string for all the events about an object, so the maps a watcher keys
   * by it hash it once instead of a freshly concatenated key per event.
   */
  readonly key?: string;
}

export type WatchHandler = (ev: WatchEvent) => void;

/** An event the API server sends: its key is the index entry's, built only if a watcher reads it. */
export class StoreWatchEvent implements WatchEvent {
  constructor(
    readonly type: WatchEventType,
    readonly object: KubeObject,
    readonly old: KubeObject | undefined,
    private readonly entry: Entry,
  ) {}

  get key(): string {
    return this.entry.key;
  }
}

/** The event's workqueue key: the store's own string, or one built for an event made elsewhere. */
export function watchEventKey(ev: WatchEvent): string {
  return ev.key ?? nsName(ev.object);
}
