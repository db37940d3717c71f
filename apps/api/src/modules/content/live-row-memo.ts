/**
 * Rows already read, keyed by what makes them what visitors see (for a
 * record: its id, live revision and approval). What a key names never
 * changes, so an entry can never be stale; a record approved again, or
 * withdrawn, simply stops being asked for under its old key. Keys hold no
 * time of reading, so every process agrees on them.
 * Bounded by count and, when given a size for its values, by their bytes;
 * least recently used first out.
 */
export class LiveRowMemo<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private totalBytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly bound: { maxBytes: number; sizeOf: (value: T) => number } | null = null,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** What the values (and keys) take, as sizeOf counts them; 0 without a byte bound. */
  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // A Map iterates in insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T): void {
    this.delete(key);
    const bytes = this.bound ? this.bound.sizeOf(value) + key.length : 0;
    // A value larger than the whole budget would only push everything else out.
    if (this.bound && bytes > this.bound.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.totalBytes += bytes;
    const maxBytes = this.bound?.maxBytes ?? Infinity;
    while (this.entries.size > this.maxEntries || this.totalBytes > maxBytes) this.delete(this.entries.keys().next().value as string);
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }
}
