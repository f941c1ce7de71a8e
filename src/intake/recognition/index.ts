/**
 * Offline recognisers for Chinese policy documents and articles, shared by intake and news:
 * pure functions over text, character offsets (UTF-16) into that text, no network, no models.
 */
export { findAmounts, parseChineseAmount, parseChineseInteger, type AmountMention } from './amounts.js';
export { inferContext, recogniseDocumentRegion, recogniseRegions, type RegionContext, type RegionMention } from './regions.js';
export { industryCodesIn, keywordTable, recogniseIndustries, type IndustryKeyword, type IndustryMention } from './industries.js';
export { findProjectMentions, specificPart, type ProjectMention, type StageHint } from './projects.js';
