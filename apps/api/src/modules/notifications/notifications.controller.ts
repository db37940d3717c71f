import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AppNotification, type NotificationList, idParamsSchema, markReadSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { SignedIn } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { NotificationsService } from './notifications.service';

class MarkReadDto extends createZodDto(markReadSchema) {}
class NotificationParams extends createZodDto(idParamsSchema) {}

/** Each user reads and dismisses only their own notifications, and only those their current access covers. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @SignedIn()
  @Get()
  list(@CurrentActor() actor: Actor): Promise<NotificationList> {
    return this.notifications.list(actor);
  }

  @SignedIn()
  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param() params: NotificationParams): Promise<AppNotification> {
    return this.notifications.get(actor, params.id);
  }

  @SignedIn()
  @Post('read')
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<NotificationList> {
    return this.notifications.markRead(actor, body.ids);
  }
}
