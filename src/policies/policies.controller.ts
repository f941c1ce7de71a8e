import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { isStaff, type Actor } from '../auth/actor.js';
import { CurrentActor, Public, StaffOnly } from '../auth/decorators.js';
import { ensureMayRead } from '../enterprises/enterprises.controller.js';
import { notFound } from '../platform/http/problem.js';
import { pageQuery, toPage } from '../platform/http/pagination.js';
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
import { incentiveView, policyView } from './policy.view.js';

@ApiTags('policies 惠企政策')
@StaffOnly()
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a policy with its incentives (eligibility conditions validated)' })
  async create(@ZodBody(createPolicySchema) body: CreatePolicyInput) {
    return policyView(await this.policies.create(body));
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Policy library: by region subtree or applicable region, incentive kind, 免申即享, validity, text' })
  async list(@ZodQuery(listPoliciesQuery) q: ListPoliciesQuery, @CurrentActor() actor: Actor | null) {
    const page = await this.policies.list({ ...q, includeDrafts: isStaff(actor) && !!q.includeDrafts });
    return toPage(page.items.map(policyView), page.total, page);
  }

  @Get(':id')
  @Public()
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    const p = await this.policies.get(id);
    if (p.status !== 'published' && !isStaff(actor)) throw notFound('政策');
    return policyView(p);
  }

  @Patch(':id')
  async update(@IdParam() id: number, @ZodBody(updatePolicySchema) body: UpdatePolicyInput) {
    return policyView(await this.policies.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: number): Promise<void> {
    await this.policies.remove(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  async publish(@IdParam() id: number) {
    return policyView(await this.policies.setPublished(id, true));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  async unpublish(@IdParam() id: number) {
    return policyView(await this.policies.setPublished(id, false));
  }

  @Post(':id/incentives')
  @ApiOperation({ summary: 'Add an incentive to a policy' })
  async addIncentive(@IdParam() id: number, @ZodBody(incentiveSchema) body: IncentiveInput) {
    return incentiveView(await this.policies.addIncentive(id, body));
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
  async get(@IdParam() id: number, @CurrentActor() actor: Actor | null) {
    const i = await this.policies.getIncentive(id);
    if (i.policy?.status !== 'published' && !isStaff(actor)) throw notFound('扶持措施');
    return incentiveView(i);
  }

  @Patch(':id')
  async update(@IdParam() id: number, @ZodBody(updateIncentiveSchema) body: UpdateIncentiveInput) {
    return incentiveView(await this.policies.updateIncentive(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@IdParam() id: number): Promise<void> {
    await this.policies.removeIncentive(id);
  }

  @Get(':id/eligible-enterprises')
  @ApiOperation({ summary: '政策找企业: enterprises eligible (or needing more information) for an incentive' })
  async eligibleEnterprises(@IdParam() id: number, @ZodQuery(eligibleEnterprisesQuery) q: EligibleEnterprisesQuery) {
    return this.eligibility.eligibleEnterprises(id, q);
  }
}

const calculatorQuery = z.strictObject({ ...pageQuery, status: z.enum(['eligible', 'needs_info', 'not_eligible']).optional() });

@ApiTags('enterprises 企业')
@Controller('enterprises')
export class EnterpriseIncentivesController {
  constructor(private readonly eligibility: EligibilityService) {}

  @Get(':id/incentives')
  @ApiOperation({ summary: '政策计算器: which incentives the enterprise gets, which need more information (and what), which not and why' })
  async incentives(@IdParam() id: number, @ZodQuery(calculatorQuery) q: z.output<typeof calculatorQuery>, @CurrentActor() actor: Actor) {
    ensureMayRead(actor, id);
    return this.eligibility.forEnterprise(id, q);
  }
}
