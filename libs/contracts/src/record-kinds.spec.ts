import { describe, expect, it } from 'vitest';
import { RECORD_COLLECTIONS } from './record-collections';
import { COLLECTIONS, RECORD_KINDS } from './record-kinds';
import { z } from './zod';

/** Every object key anywhere in a schema, through arrays, optionals, unions and records. */
function keysOf(schema: z.ZodType, found = new Set<string>()): Set<string> {
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      found.add(key);
      keysOf(child, found);
    }
  } else if (schema instanceof z.ZodArray) keysOf(schema.element as z.ZodType, found);
  else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) keysOf(schema.unwrap() as z.ZodType, found);
  else if (schema instanceof z.ZodUnion) for (const option of schema.options as z.ZodType[]) keysOf(option, found);
  else if (schema instanceof z.ZodRecord) keysOf(schema.valueType as z.ZodType, found);
  else if (schema instanceof z.ZodPipe) keysOf(schema.in as z.ZodType, found);
  return found;
}

/** Keys that by their name hold media file ids. */
const NAMES_MEDIA = /^(asset|media)Ids?$|MediaIds?$|AssetIds?$/;

describe('the registry of record kinds', () => {
  for (const kind of Object.values(RECORD_KINDS)) {
    const keys = keysOf(kind.inputSchema);

    it(`names the ${kind.type}'s indexed text by keys its documents have`, () => {
      expect(keys.size).toBeGreaterThan(5);
      for (const key of kind.searchText) expect(keys, key).toContain(key);
    });

    it(`lists every place a ${kind.type} names media files`, () => {
      const mediaKeys = [...keys].filter((key) => NAMES_MEDIA.test(key)).sort();
      expect(mediaKeys.length).toBeGreaterThan(0);
      expect([...kind.mediaKeys].sort()).toEqual(mediaKeys);
    });
  }

  it('maps each collection segment to its kind, from the zod-free table', () => {
    for (const kind of Object.values(RECORD_KINDS)) {
      expect(kind.collection).toBe(RECORD_COLLECTIONS[kind.type]);
      expect(COLLECTIONS[kind.collection]).toBe(kind.type);
    }
  });
});
