import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '../access/actor.js';
import { CurrentActor, StaffOnly } from '../access/decorators.js';
import { ZodResponse } from '../platform/http/openapi.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import {
  duplicatePageResponse,
  duplicatePairView,
  listDuplicatesQuery,
  mergeEnterpriseSchema,
  mergeResultResponse,
  type ListDuplicatesQuery,
  type MergeEnterpriseInput,
} from './enterprise-merge.schemas.js';
import { EnterpriseMergeService } from './enterprise-merge.service.js';

/** Likely duplicate enterprises and merging two records (staff of the region where both are registered). */
@ApiTags('enterprises 企业')
@Controller('enterprises')
@StaffOnly()
export class EnterpriseDuplicatesController {
  constructor(private readonly merges: EnterpriseMergeService) {}

  @Get('duplicates')
  @ApiOperation({
    summary:
      "Likely duplicate enterprises registered in the caller's region: the same normalised name (有限公司/股份/(集团)/spaces/full-width set aside) or a shared contact phone or e-mail; pairs, lower id first, paged",
  })
  @ZodResponse(duplicatePageResponse)
  async duplicates(@ZodQuery(listDuplicatesQuery) q: ListDuplicatesQuery, @CurrentActor() actor: Actor) {
    const page = await this.merges.duplicates(actor, q);
    return { ...page, items: page.items.map(duplicatePairView) };
  }

  @Post(':id/merge')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge the record duplicateId into :id, which stays: matches (one per project, the one further along), leads, certifications, timeline, agreements, mail log and users move; the merged id answers 308 to :id from then on; audited',
  })
  @ZodResponse(mergeResultResponse)
  async merge(@IdParam() id: number, @ZodBody(mergeEnterpriseSchema) body: MergeEnterpriseInput, @CurrentActor() actor: Actor) {
    return this.merges.merge(actor, id, body.duplicateId, body.reason);
  }
}
