export const COLLECTIONS = ['items', 'memorials', 'exhibitions'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export function isCollection(value: string | undefined): value is Collection {
  return (COLLECTIONS as readonly string[]).includes(value ?? '');
}
