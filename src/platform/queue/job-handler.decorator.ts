import { SetMetadata } from '@nestjs/common';
import type { JobDefinition } from './job-definition.js';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/**
 * Marks a provider method as the handler of a job type: `async handle(job: JobOf<typeof X>)`.
 * Each job type has exactly one handler; the worker host checks this at start.
 */
export const JobHandler = (definition: JobDefinition<any>): MethodDecorator => SetMetadata(JOB_HANDLER, definition.name);
