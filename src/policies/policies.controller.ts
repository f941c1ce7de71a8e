import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type Actor } from '../access/actor.js';
import { CurrentActor, Public, StaffOnly } from '../access/decorators.js';
import { boolParam, pageQuery, toPage } from '../platform/http/pagination.js';
import { IdParam, ZodBody, ZodQuery } from '../platform/validation/zod-http.js';
import { EligibilityService } from './eligibility/eligibility.service.js';
import { PoliciesService } from './policies.service.js';
import {
  createPolicySchema,
  eligibleEnterprisesQuery,
  incentiveSchema,
  listPoliciesQuery,
  updateIncentiveSchema,
  updatePolicySchema,
  type CreatePolicyInput,
  type EligibleEnterprisesQuery,
  type IncentiveInput,
  type ListPoliciesQuery,
  type UpdateIncentiveInput,
  type UpdatePolicyInput,
} from './policy.schemas.js';
import {
  eligibleEnterprisesResponse,
  enterpriseIncentivesResponse,
  incentiveResponse,
  incentiveView,
  policyPageResponse,
  policyResponse,
  policyView,
} from './policy.view.js';
import { ZodResponse } from '../platform/http/openapi.js';

@ApiTags('policies 惠企政策')
@StaffOnly()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Post()
  @ApiOperation({ summary: "Create a policy for one's own region, with its incentives (eligibility conditions validated)" })
  @ZodResponse(policyResponse)
  async create(@ZodBody(createPolicySchema) body: CreatePolicyInput, @CurrentActor() actor: Actor) {
    return policyView(await this.policies.draft(actor, body));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Policy library: by region subtree or applicable region, incentive kind, 免申即享, validity, text' })
  @ZodResponse(policyPageResponse)
  async list(@ZodQuery(listPoliciesQuery) q: ListPoliciesQuery, @CurrentActor() actor: Actor | null) {
    const page = await this.policies.browse(actor, q);
    return toPage(page.items.map(policyView), page.total, page);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'A policy with its incentives (a draft only for staff covering its region)' })
  @ZodResponse(policyResponse)
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    return policyView(await this.policies.read(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a policy' })
  @ZodResponse(policyResponse)
  async update(@IdParam() id: number, @ZodBody(updatePolicySchema) body: UpdatePolicyInput, @CurrentActor() actor: Actor) {
    return policyView(await this.policies.edit(actor, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a policy (audited)' })
  async remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.policies.delete(actor, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a policy (enterprises are matched to its incentives)' })
  @ZodResponse(policyResponse)
  async publish(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return policyView(await this.policies.publish(actor, id));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a published policy back to draft' })
  @ZodResponse(policyResponse)
  async unpublish(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return policyView(await this.policies.unpublish(actor, id));
  }

  @Post(':id/incentives')
  @ApiOperation({ summary: 'Add an incentive to a policy' })
  @ZodResponse(incentiveResponse)
  async addIncentive(@IdParam() id: number, @ZodBody(incentiveSchema) body: IncentiveInput, @CurrentActor() actor: Actor) {
    return incentiveView(await this.policies.attachIncentive(actor, id, body));
  }
}

@ApiTags('policies 惠企政策')
@StaffOnly()
@Controller('incentives')
export class IncentivesController {
  constructor(
    private readonly policies: PoliciesService,
    private readonly eligibility: EligibilityService,
  ) {}

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'An incentive with its eligibility conditions' })
  @ZodResponse(incentiveResponse)
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    return incentiveView(await this.policies.readIncentive(actor, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit an incentive (conditions validated)' })
  @ZodResponse(incentiveResponse)
  async update(@IdParam() id: number, @ZodBody(updateIncentiveSchema) body: UpdateIncentiveInput, @CurrentActor() actor: Actor) {
    return incentiveView(await this.policies.editIncentive(actor, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an incentive' })
  async remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    await this.policies.deleteIncentive(actor, id);
  }

  @Get(':id/eligible-enterprises')
  @ApiOperation({
    summary: "政策找企业: enterprises eligible (or needing more information) for an incentive — those the caller's bureau may see",
  })
  @ZodResponse(eligibleEnterprisesResponse)
  async eligibleEnterprises(
    @IdParam() id: number,
    @ZodQuery(eligibleEnterprisesQuery) q: EligibleEnterprisesQuery,
    @CurrentActor() actor: Actor,
  ) {
    return this.eligibility.findEligible(actor, id, q);
  }
}

const calculatorQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(['eligible', 'needs_info', 'not_eligible', 'expired']).optional(),
  /** Also incentives of expired policies (status `expired`, 已失效; left out by default). */
  includeExpired: boolParam.optional(),
});

@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterpriseIncentivesController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get(':id/incentives')
  @ApiOperation({ summary: '政策计算器: which incentives the enterprise gets, which need more information (and what), which not and why' })
  @ZodResponse(enterpriseIncentivesResponse)
  async incentives(@IdParam() id: number, @ZodQuery(calculatorQuery) q: z.output<typeof calculatorQuery>, @CurrentActor() actor: Actor) {
    return this.eligibility.calculate(actor, id, q);
  }

  @Get(':id/incentives/:incentiveId')
  @ApiOperation({ summary: "政策计算器 for one incentive, whatever its region: the verdict and every condition's check with its reason" })
  async incentive(@IdParam() id: number, @IdParam('incentiveId') incentiveId: number, @CurrentActor() actor: Actor) {
    return this.eligibility.evaluateOneFor(actor, id, incentiveId);
  }
}
