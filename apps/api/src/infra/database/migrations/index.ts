import { Foundation1764050000000 } from './1764050000000-foundation';
import { Collections1764060000000 } from './1764060000000-collections';
import { Media1764070000000 } from './1764070000000-media';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1764050000000, Collections1764060000000, Media1764070000000];
