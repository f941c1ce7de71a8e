import { z } from 'zod';
import { apiSchema } from '../http/openapi.js';

const indicators = z.record(z.string(), z.looseObject({ status: z.enum(['up', 'down']) }));

/** @nestjs/terminus's answer: each dependency up or down (503 when one is down). */
export const healthResponse = apiSchema(
  'Health',
  z.strictObject({
    status: z.enum(['ok', 'error', 'shutting_down']),
    info: indicators.optional(),
    error: indicators.optional(),
    details: indicators,
  }),
);
