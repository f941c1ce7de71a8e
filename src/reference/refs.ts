import { industries } from './industries.js';
import { regions } from './regions.js';

/** A code with its name, as every view shows a region or an industry (name first, code as secondary text). */
export const regionRef = (code: string) => ({ code, name: regions().fullName(code) });
export const industryRef = (code: string) => ({ code, name: industries().get(code)?.name ?? code });
