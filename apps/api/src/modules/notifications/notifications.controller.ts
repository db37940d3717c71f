import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type NotificationList, markReadSchema } from '@vitrina/contracts';
import { createZodDto } from 'nestjs-zod';
import { SignedIn } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CurrentActor } from '../access/current-actor.decorator';
import { NotificationsService } from './notifications.service';

class MarkReadDto extends createZodDto(markReadSchema) {}

/** Each user reads and dismisses only their own notifications. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @SignedIn()
  @Get()
  list(@CurrentActor() actor: Actor): Promise<NotificationList> {
    return this.notifications.list(actor.userId);
  }

  @SignedIn()
  @Post('read')
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Body() body: MarkReadDto): Promise<NotificationList> {
    return this.notifications.markRead(actor.userId, body.ids);
  }
}
