import { type FindOptionsWhere, In, type Repository } from 'typeorm';

/**
 * The rows among `ids` that also match `where` (a country, a status), keyed
 * by id; no query at all for no ids. Callers look up in their own order.
 */
export async function findByIds<T extends { id: string }>(
  repository: Repository<T>,
  where: FindOptionsWhere<T>,
  ids: readonly string[],
): Promise<Map<string, T>> {
  if (ids.length === 0) return new Map();
  const rows = await repository.findBy({ ...where, id: In([...new Set(ids)]) } as FindOptionsWhere<T>);
  return new Map(rows.map((row) => [row.id, row]));
}
