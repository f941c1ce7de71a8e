/**
 * Runs the TypeScript sources directly in a child process (worker processes in the reliability
 * tests, the matching benchmark): `node --import ./test/support/ts-register.mjs src/worker.ts`.
 * Same transform as jest (swc, legacy decorators with metadata); `.js` imports resolve to `.ts`.
 */
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
