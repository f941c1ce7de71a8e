import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { CurrentActor, Roles, StaffOnly } from '../access/decorators.js';
import { boolParam, listParam, pageQuery } from '../platform/http/pagination.js';
import { IdParam, ZodQuery } from '../platform/validation/zod-http.js';
import { FullRematchService } from './full-rematch.service.js';
import { MatchesService, type MatchListQuery } from './matches.service.js';
import { matchStatuses } from './match.vocabulary.js';
import type { MatchingRun } from './matching-run.entity.js';
import { ZodResponse } from '../platform/http/openapi.js';
import {
  enterpriseMatchesResponse,
  matchExplanationResponse,
  matchingRunListResponse,
  matchingRunResponse,
  matchResponse,
  projectMatchesResponse,
  rematchResponse,
} from './matching.responses.js';

export const matchListQuery = z.strictObject({
  ...pageQuery,
  status: listParam(z.enum(matchStatuses), 6),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  includeWithdrawn: boolParam.optional(),
});

export const explainQuery = z.strictObject({
  projectId: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

const RUN_STATUS = { pending: '排队中', running: '进行中', completed: '已完成', failed: '失败' } as const;

export function runView(run: MatchingRun, failedChunks = 0) {
  return {
    id: run.id,
    jobId: `matching-run-${run.id}`,
    trigger: run.trigger,
    status: run.status,
    statusLabel: RUN_STATUS[run.status],
    progress: run.chunksTotal ? Math.round((run.chunksDone / run.chunksTotal) * 1000) / 10 : run.status === 'completed' ? 100 : 0,
    chunks: { total: run.chunksTotal, done: run.chunksDone, failed: failedChunks, size: run.chunkSize },
    enterprises: run.enterprises,
    pairsScored: run.pairsScored,
    matchesWritten: run.matchesWritten,
    matchesWithdrawn: run.matchesWithdrawn,
    eventsWritten: run.eventsWritten,
    eligibilityWritten: run.eligibilityWritten,
    error: run.error,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    seconds: run.startedAt ? ((run.finishedAt ?? new Date()).getTime() - run.startedAt.getTime()) / 1000 : null,
  };
}

@ApiTags('matching 匹配')
@Controller()
export class MatchingController {
  constructor(
    private readonly matches: MatchesService,
    private readonly runs: FullRematchService,
  ) {}

  @Get('enterprises/:id/matches')
  @ApiOperation({
    summary: "An enterprise's matched projects, best first, with the score breakdown and reasons (the enterprise itself, or staff)",
  })
  @ZodResponse(enterpriseMatchesResponse)
  async forEnterprise(@IdParam() id: number, @ZodQuery(matchListQuery) q: MatchListQuery, @CurrentActor() actor: Actor) {
    return this.matches.forEnterprise(actor, id, q);
  }

  @Get('enterprises/:id/matches/explain')
  @ApiOperation({
    summary:
      'Why a project is (or is not) a match for the enterprise: every factor scored now, the requirement that excludes it, the threshold',
  })
  @ZodResponse(matchExplanationResponse)
  async explain(@IdParam() id: number, @ZodQuery(explainQuery) q: { projectId: number }, @CurrentActor() actor: Actor) {
    return this.matches.explainFor(actor, id, q.projectId);
  }

  @Get('projects/:id/matches')
  @StaffOnly()
  @ApiOperation({ summary: "A project's matched enterprises, best first (staff whose region covers the project)" })
  @ZodResponse(projectMatchesResponse)
  async forProject(@IdParam() id: number, @ZodQuery(matchListQuery) q: MatchListQuery, @CurrentActor() actor: Actor) {
    return this.matches.forProject(actor, id, q);
  }

  @Get('matches/:id')
  @ApiOperation({ summary: 'One match; the enterprise opening it marks it as viewed' })
  @ZodResponse(matchResponse)
  get(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return this.matches.get(actor, id);
  }

  @Post('matches/:id/interest')
  @Roles('enterprise')
  @HttpCode(200)
  @ApiOperation({ summary: 'The enterprise is interested (感兴趣): becomes a lead for the bureau' })
  @ZodResponse(matchResponse)
  interest(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return this.matches.interest(actor, id);
  }

  @Post('matches/:id/dismiss')
  @Roles('enterprise')
  @HttpCode(200)
  @ApiOperation({ summary: 'Not interested (不感兴趣): hidden unless its score later rises materially' })
  @ZodResponse(matchResponse)
  dismiss(@IdParam() id: number, @CurrentActor() actor: Actor) {
    return this.matches.dismiss(actor, id);
  }

  @Post('matching/rematch')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Admin: start a full re-match now (also runs nightly); answers the run and its job id' })
  @ZodResponse(rematchResponse)
  async rematch(@CurrentActor() actor: Actor) {
    const { run, jobId } = await this.runs.request(actor.userId);
    return { ...runView(run), jobId, links: { self: `/matching/runs/${run.id}` } };
  }

  @Get('matching/runs')
  @Roles('admin')
  @ApiOperation({ summary: 'Admin: recent full re-match runs' })
  @ZodResponse(matchingRunListResponse)
  async listRuns() {
    return { items: (await this.runs.list()).map((r) => runView(r)) };
  }

  @Get('matching/runs/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Admin: progress of a full re-match run' })
  @ZodResponse(matchingRunResponse)
  async run(@IdParam() id: number) {
    const run = await this.runs.get(id);
    return runView(run, await this.runs.failedChunks(id));
  }
}
