import { getMetadataArgsStorage, PrimaryGeneratedColumn } from 'typeorm';
import { bigintToNumber } from './transformers.js';

/**
 * A bigint identity primary key read as a JS number (TypeORM's identity decorator takes no
 * transformer, so it is attached to the column it registered). For high-volume tables.
 */
export function BigIdColumn(): PropertyDecorator {
  return (target, propertyKey) => {
    PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })(target, propertyKey);
    const column = getMetadataArgsStorage().columns.find((c) => c.target === target.constructor && c.propertyName === propertyKey);
    if (!column) throw new Error(`BigIdColumn: ${String(propertyKey)} was not registered`);
    column.options.transformer = bigintToNumber;
  };
}
