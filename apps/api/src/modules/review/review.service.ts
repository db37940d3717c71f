import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ChangedAsset, type Collection, type RecordEvent, type ReviewDetail, type ReviewQueueEntry, resolveText } from '@vitrina/contracts';
import type { DataSource } from 'typeorm';
import { ContentRevisionEntity } from '../content/content-revision.entity';
import { findByIds } from '../content/find-by-ids';
import { CountriesService } from '../countries/countries.service';
import { MediaAssetEntity } from '../media/media-asset.entity';
import type { Actor } from '../access/actor';
import { needsAnotherModerator } from './four-eyes';
import { publishBlockers } from './publish-gates';
import { RECORD_KINDS, kindOf } from '../content/record-kinds';
import { diffRevisions } from './revision-diff';

interface QueueRow {
  type: 'item' | 'memorial' | 'exhibition';
  id: string;
  country_id: string;
  slug: string;
  title: Record<string, { text: string; status: 'original' | 'translated' | 'machine' }> | null;
  version: number;
  live_revision: number | null;
  submitted_at: Date | null;
  submitted_by: string | null;
}

/** The files of a diff as the moderator recognises them: name, kind and the smallest rendition, if any. */
function changedAssets(assets: Map<string, MediaAssetEntity>): Map<string, ChangedAsset> {
  return new Map(
    [...assets.values()].map((asset) => {
      const smallest = asset.status === 'ready' && asset.derivativeWidths?.length ? Math.min(...asset.derivativeWidths) : null;
      const thumbnail = smallest ? `/api/media/${asset.id}/w${smallest}.webp` : null;
      return [asset.id, { name: asset.originalName, kind: asset.kind, thumbnail }];
    }),
  );
}

/** What moderators read: the queue of submissions and each one against what is live. */
@Injectable()
export class ReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly countries: CountriesService,
  ) {}

  /** Everything awaiting review in one country, oldest submission first. */
  async queue(countryId: string, lang?: string): Promise<ReviewQueueEntry[]> {
    const country = await this.countries.findEntity(countryId);
    const selects = Object.values(RECORD_KINDS).map(
      (kind) =>
        `SELECT '${kind.contract.type}' AS type, r.id, r.country_id, r.slug, r.content->'title' AS title, r.version, r.live_revision, r.submitted_at, u.display_name AS submitted_by
           FROM ${kind.contract.collection} r LEFT JOIN users u ON u.id = r.submitted_by
          WHERE r.country_id = $1 AND r.status = 'in_review'`,
    );
    const rows: QueueRow[] = await this.db.query(`${selects.join(' UNION ALL ')} ORDER BY submitted_at ASC NULLS FIRST, id LIMIT 500`, [countryId]);
    const reading = (lang ?? country.defaultLanguage) as typeof country.defaultLanguage;
    return rows.map((row) => ({
      type: row.type,
      collection: RECORD_KINDS[row.type].contract.collection,
      id: row.id,
      countryId: row.country_id,
      slug: row.slug,
      title: resolveText(row.title ?? undefined, reading, country.defaultLanguage),
      revision: row.version,
      isLive: row.live_revision !== null,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      submittedBy: row.submitted_by,
    }));
  }

  /** The latest revision beside the live one, every change listed, with what would block its approval. */
  async detail(countryId: string, collection: Collection, id: string, actor: Actor, lang?: string): Promise<ReviewDetail> {
    const kind = kindOf(collection);
    const country = await this.countries.findEntity(countryId);
    const record = await this.db.getRepository(kind.entity).findOneBy({ id, countryId });
    if (!record) throw new NotFoundException(`No such ${kind.contract.type}`);
    const latest = await this.db
      .getRepository(ContentRevisionEntity)
      .findOneByOrFail({ recordType: kind.contract.type, recordId: id, number: record.version });
    const shown = await findByIds(this.db.getRepository(MediaAssetEntity), { countryId }, [...new Set([...record.mediaIds, ...record.liveMediaIds])]);
    const assets = new Map([...shown].filter(([assetId]) => record.mediaIds.includes(assetId)));
    const submitter: { display_name: string }[] = record.submittedBy
      ? await this.db.query(`SELECT display_name FROM users WHERE id = $1`, [record.submittedBy])
      : [];
    return {
      type: kind.contract.type,
      collection,
      id,
      countryId,
      slug: record.slug,
      title: resolveText((latest.content as { title?: never }).title, (lang ?? country.defaultLanguage) as never, country.defaultLanguage),
      revision: record.version,
      isLive: record.liveRevision !== null,
      submittedAt: record.submittedAt?.toISOString() ?? null,
      submittedBy: submitter[0]?.display_name ?? null,
      status: record.status,
      liveRevision: record.liveRevision,
      latest: latest.content,
      live: record.liveContent,
      changes: diffRevisions({ content: record.liveContent, mediaTexts: record.liveMediaTexts }, latest, changedAssets(shown)),
      blockers: publishBlockers({ type: kind.contract.type, document: latest.content, mediaIds: record.mediaIds, mediaTexts: latest.mediaTexts, assets }),
      needsAnotherModerator: record.status === 'in_review' && needsAnotherModerator(country.fourEyes, actor, record, latest),
      history: await this.history(id),
    };
  }

  /** The record's review history from the audit log: who did what, with the comments. */
  private async history(id: string): Promise<RecordEvent[]> {
    const rows: { action: string; from_state: string | null; to_state: string | null; details: Record<string, unknown>; actor: string | null; at: Date }[] =
      await this.db.query(
        `SELECT a.action, a.from_state, a.to_state, a.details, coalesce(u.display_name, a.actor_email) AS actor, a.at
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
          WHERE a.entity_id = $1 ORDER BY a.id DESC LIMIT 200`,
        [id],
      );
    return rows.map((row) => ({
      action: row.action,
      fromState: row.from_state,
      toState: row.to_state,
      revision: typeof row.details.revision === 'number' ? row.details.revision : null,
      comment: typeof row.details.comment === 'string' ? row.details.comment : null,
      actorName: row.actor,
      at: row.at.toISOString(),
    }));
  }
}
