import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Enterprise } from './enterprise.entity.js';

/**
 * Reads of the enterprise table for other modules (policies' 政策找企业, matching's candidate scan,
 * accounts' link check): they read enterprises through these, never through the entity, so the
 * table keeps one owner and one place that knows its shape.
 */

/** A query over enterprises (`alias`) for a module that adds its own conditions (eligibility SQL). */
export const enterpriseQuery = (m: EntityManager, alias = 'e'): SelectQueryBuilder<Enterprise> => m.createQueryBuilder(Enterprise, alias);

export const findEnterprise = (m: EntityManager, id: number): Promise<Enterprise | null> => m.findOne(Enterprise, { where: { id } });

/** With their certifications, in id order. */
export const findEnterprisesWithCertifications = (m: EntityManager, ids: readonly number[]): Promise<Enterprise[]> =>
  ids.length
    ? m.find(Enterprise, { where: { id: In([...ids]) }, relations: { certifications: true }, order: { id: 'ASC' } })
    : Promise.resolve([]);

export const enterpriseExists = (m: EntityManager, id: number): Promise<boolean> => m.exists(Enterprise, { where: { id } });

/** By its 统一社会信用代码 (normalised, as stored). */
export const findEnterpriseByUscc = (m: EntityManager, uscc: string): Promise<Enterprise | null> =>
  m.findOne(Enterprise, { where: { uscc } });
