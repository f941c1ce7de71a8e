import { In, type EntityManager } from 'typeorm';
import { Incentive } from './incentive.entity.js';

/**
 * Reads of incentives for other modules (projects attach them, matching shows them): through this,
 * never through the entity, so the table keeps one owner.
 */
export const findIncentives = (m: EntityManager, ids: readonly number[], opts: { withPolicy?: boolean } = {}): Promise<Incentive[]> =>
  ids.length ? m.find(Incentive, { where: { id: In([...ids]) }, relations: opts.withPolicy ? { policy: true } : {} }) : Promise.resolve([]);
