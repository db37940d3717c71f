export interface Snapshot {
  body: Buffer;
  etag: string;
  contentType: string;
}

export interface SnapshotLimits {
  maxEntries: number;
  maxBytes: number;
  maxEntryBytes: number;
}

interface Entry {
  snapshot: Snapshot;
  tags: readonly string[];
}

/**
 * Pages by key, least recently used first out, bounded by count and by bytes,
 * each tagged with what it was made of so a change drops only the pages
 * that show it.
 */
export class SnapshotStore {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private bytes = 0;

  constructor(private readonly limits: SnapshotLimits) {}

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): Snapshot | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // A Map iterates in insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.snapshot;
  }

  set(key: string, snapshot: Snapshot, tags: readonly string[]): void {
    if (snapshot.body.length > this.limits.maxEntryBytes) return;
    this.delete(key);
    this.entries.set(key, { snapshot, tags });
    this.bytes += snapshot.body.length;
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Drops every page made of any of these tags. */
  dropTagged(tags: Iterable<string>): void {
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) this.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.keysByTag.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.snapshot.body.length;
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
