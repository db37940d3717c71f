/**
 * Rows already read, keyed by what makes them what visitors see (for a
 * record: its id, live revision and approval). What a key names never
 * changes, so an entry can never be stale; a record approved again, or
 * withdrawn, simply stops being asked for under its old key. Keys hold no
 * time of reading, so every process agrees on them.
 * Bounded by count, least recently used first out.
 */
export class LiveRowMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
