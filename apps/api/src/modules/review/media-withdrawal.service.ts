import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ModerationInput } from '@vitrina/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { RECORD_KINDS, asLive } from '../content/record-kinds';
import { SearchIndex } from '../search/search-index.service';
import type { MediaAssetEntity } from '../media/media-asset.entity';
import { ServableMemo } from '../media/servable-memo';
import { ReviewRepository } from './review.repository';

type Decision = 'withdraw' | 'restore';

/**
 * A moderator's decision on one file, whatever records show it: withdrawn,
 * it is gone for visitors from every URL (renditions, tiles, info.json,
 * captions, the file itself), from manifests, public pages and search,
 * while its records stay published; restored, it is back. One transaction
 * on the asset's locked row changes it, re-indexes the live records that
 * show it and records the audit entry, so two moderators acting at once
 * get one success and one 409, and the log never claims what did not happen.
 */
@Injectable()
export class MediaWithdrawal {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ReviewRepository,
    private readonly audit: AuditLog,
    private readonly search: SearchIndex,
    private readonly memo: ServableMemo,
  ) {}

  withdraw(countryId: string, assetId: string, actor: Actor, input: ModerationInput): Promise<void> {
    return this.decide(countryId, assetId, actor, input, 'withdraw');
  }

  restore(countryId: string, assetId: string, actor: Actor, input: ModerationInput): Promise<void> {
    return this.decide(countryId, assetId, actor, input, 'restore');
  }

  private async decide(countryId: string, assetId: string, actor: Actor, input: ModerationInput, decision: Decision): Promise<void> {
    await this.db.transaction(async (tx) => {
      const asset = await this.repository.lockedAsset(tx, countryId, assetId);
      if (!asset) throw new NotFoundException('No such media');
      const wasWithdrawn = asset.withdrawnAt !== null;
      if (decision === 'withdraw' && wasWithdrawn) throw new ConflictException('This file is already withdrawn');
      if (decision === 'restore' && !wasWithdrawn) throw new ConflictException('This file is not withdrawn');
      await this.repository.setWithdrawn(tx, asset.id, decision === 'withdraw');
      const records = await this.reindexShowing(tx, asset);
      await this.audit.record(
        {
          action: decision === 'withdraw' ? 'media.withdraw' : 'media.restore',
          actor,
          countryId,
          entityType: 'media',
          entityId: asset.id,
          fromState: wasWithdrawn ? 'withdrawn' : 'available',
          toState: decision === 'withdraw' ? 'withdrawn' : 'available',
          details: { records, ...(input.comment ? { comment: input.comment } : {}) },
        },
        tx,
      );
    });
    // This process forgets at once; the others on the database's notification (media_assets trigger).
    this.memo.invalidate();
  }

  /** Search keeps a record's first picture: the live records showing the file are indexed again. Returns their ids. */
  private async reindexShowing(tx: EntityManager, asset: MediaAssetEntity): Promise<string[]> {
    const ids: string[] = [];
    for (const kind of Object.values(RECORD_KINDS)) {
      const records = await this.repository.liveRecordsShowing(tx, kind, asset);
      for (const record of records) {
        const live = asLive(kind, record);
        if (!live || !record.liveContent) continue;
        await this.search.index(tx, kind.contract.type, live, record.liveContent);
        ids.push(record.id);
      }
    }
    return ids;
  }
}
