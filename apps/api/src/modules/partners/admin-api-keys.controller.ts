import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ApiKey, type ApiKeyList, type CreatedApiKey, apiKeyListSchema, apiKeySchema, createApiKeySchema, createdApiKeySchema, idParamsSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { RequireInstallation } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { ApiKeysService } from './api-keys.service';

class CreateApiKeyDto extends createZodDto(createApiKeySchema) {}
class ApiKeyIdParams extends createZodDto(idParamsSchema) {}
class ApiKeyListDto extends createZodDto(apiKeyListSchema) {}
class ApiKeyDto extends createZodDto(apiKeySchema) {}
class CreatedApiKeyDto extends createZodDto(createdApiKeySchema) {}

/** Partners' keys to the read API, for administrators; ApiKeysService writes each change's audit entry in its transaction. */
@ApiTags('admin')
@Controller('admin/api-keys')
@RequireInstallation('api-keys.manage')
export class AdminApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOkResponse({ type: ApiKeyListDto })
  async list(): Promise<ApiKeyList> {
    return { items: await this.keys.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Make a partner key', description: 'The answer holds the key itself, shown this once: only its hash is kept.' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(@Body() body: CreateApiKeyDto, @CurrentActor() actor: Actor): Promise<CreatedApiKey> {
    return this.keys.create(actor, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a partner key', description: 'The key is refused (401) from then on; it stays in the list, revoked.' })
  @ApiOkResponse({ type: ApiKeyDto })
  revoke(@Param() params: ApiKeyIdParams, @CurrentActor() actor: Actor): Promise<ApiKey> {
    return this.keys.revoke(actor, params.id);
  }
}
