import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RevisionDetail, RevisionSummary } from '@vitrina/contracts';
import { RequireCountry } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { kindOf } from '../content/record-kinds';
import { StudioRecordsService } from '../content/studio-records.service';
import { RecordRouteParams, RevisionRouteParams, SubmitDto } from './dto';
import { WorkflowService } from './workflow.service';

const COUNTRY = { from: 'params', key: 'countryId' } as const;

/** What curators do with a record's revisions: submit, withdraw, look back and restore. */
@ApiTags('studio')
@Controller('studio/countries/:countryId/:collection/:id')
export class StudioWorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly records: StudioRecordsService,
  ) {}

  @RequireCountry('content.edit', COUNTRY)
  @Post('submit')
  @HttpCode(204)
  submit(@Param() params: RecordRouteParams, @Body() body: SubmitDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflow.submit(params.countryId, params.collection, params.id, actor, body.version);
  }

  @RequireCountry('content.edit', COUNTRY)
  @Post('withdraw')
  @HttpCode(204)
  withdraw(@Param() params: RecordRouteParams, @CurrentActor() actor: Actor): Promise<void> {
    return this.workflow.withdraw(params.countryId, params.collection, params.id, actor);
  }

  @RequireCountry('content.read', COUNTRY)
  @Get('revisions')
  revisions(@Param() params: RecordRouteParams): Promise<RevisionSummary[]> {
    return this.records.revisions(kindOf(params.collection), params.countryId, params.id);
  }

  @RequireCountry('content.read', COUNTRY)
  @Get('revisions/:number')
  revision(@Param() params: RevisionRouteParams): Promise<RevisionDetail> {
    return this.records.revision(kindOf(params.collection), params.countryId, params.id, params.number);
  }

  /** The earlier revision comes back as a new draft; the answer is the record as now saved. */
  @RequireCountry('content.edit', COUNTRY)
  @Post('revisions/:number/restore')
  @HttpCode(200)
  restore(@Param() params: RevisionRouteParams, @CurrentActor() actor: Actor): Promise<unknown> {
    return this.records.restore(kindOf(params.collection), params.countryId, params.id, params.number, actor);
  }
}
