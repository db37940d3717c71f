import { Foundation1764050000000 } from './1764050000000-foundation';
import { Collections1764060000000 } from './1764060000000-collections';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1764050000000, Collections1764060000000];
