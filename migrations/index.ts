import { Foundation1764090000000 } from './1764090000000-Foundation.js';

/** Every migration, in order. A test checks this list against the files in this folder. */
export const allMigrations = [Foundation1764090000000];
