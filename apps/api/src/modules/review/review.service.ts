import { Injectable, NotFoundException } from '@nestjs/common';
import {
  type ChangedAsset,
  type Collection,
  type ContentLanguage,
  type LocalizedText,
  type RecordEvent,
  type ReviewDetail,
  type ReviewQueueEntry,
  resolveText,
} from '@vitrina/contracts';
import { CountriesService } from '../countries/countries.service';
import type { MediaAssetEntity } from '../media/media-asset.entity';
import type { Actor } from '../access/actor';
import { needsAnotherModerator } from './four-eyes';
import { publishBlockers } from './publish-gates';
import { RECORD_KINDS, kindOf } from '../content/record-kinds';
import { ReviewRepository } from './review.repository';
import { entryNames, referencedRecordIds } from './entry-labels';
import { diffRevisions } from './revision-diff';

/** The language a moderator asked for, as the country's texts are keyed (an unknown one simply finds no text and falls back). */
function readingLanguage(lang: string | undefined, countryDefault: ContentLanguage): ContentLanguage {
  return (lang ?? countryDefault) as ContentLanguage;
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
    private readonly repository: ReviewRepository,
    private readonly countries: CountriesService,
  ) {}

  /** Everything awaiting review in one country, oldest submission first. */
  async queue(countryId: string, lang?: string): Promise<ReviewQueueEntry[]> {
    const country = await this.countries.findEntity(countryId);
    const rows = await this.repository.queue(countryId);
    const reading = readingLanguage(lang, country.defaultLanguage);
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
    const record = await this.repository.record(kind, countryId, id);
    if (!record) throw new NotFoundException(`No such ${kind.contract.type}`);
    const latest = await this.repository.revision(kind, id, record.version);
    const shown = await this.repository.assets(countryId, [...new Set([...record.mediaIds, ...record.liveMediaIds])]);
    const assets = new Map([...shown].filter(([assetId]) => record.mediaIds.includes(assetId)));
    const reading = readingLanguage(lang, country.defaultLanguage);
    const files = changedAssets(shown);
    const titles = await this.repository.titles(countryId, referencedRecordIds([record.liveContent, latest.content]));
    const names = entryNames({ reading, countryDefault: country.defaultLanguage, titles, files });
    return {
      type: kind.contract.type,
      collection,
      id,
      countryId,
      slug: record.slug,
      title: resolveText((latest.content as { title?: LocalizedText }).title, reading, country.defaultLanguage),
      revision: record.version,
      isLive: record.liveRevision !== null,
      submittedAt: record.submittedAt?.toISOString() ?? null,
      submittedBy: record.submittedBy ? await this.repository.displayName(record.submittedBy) : null,
      status: record.status,
      liveRevision: record.liveRevision,
      latest: latest.content,
      live: record.liveContent,
      changes: diffRevisions({ content: record.liveContent, mediaTexts: record.liveMediaTexts }, latest, files, names),
      blockers: publishBlockers({ type: kind.contract.type, document: latest.content, mediaIds: record.mediaIds, mediaTexts: latest.mediaTexts, assets }),
      needsAnotherModerator: record.status === 'in_review' && needsAnotherModerator(country.fourEyes, actor, record, latest),
      history: await this.history(id),
    };
  }

  /**
   * The latest revision as visitors will see it once approved, in `lang`:
   * the same public view the site answers, its files with the texts the
   * revision froze.
   */
  async preview(countryId: string, collection: Collection, id: string, lang?: ContentLanguage): Promise<unknown> {
    const kind = kindOf(collection);
    const country = await this.countries.findEntity(countryId);
    const record = await this.repository.record(kind, countryId, id);
    if (!record) throw new NotFoundException(`No such ${kind.contract.type}`);
    const latest = await this.repository.revision(kind, id, record.version);
    return this.repository.preview(kind, country, record, lang, latest.mediaTexts);
  }

  /** The record's review history from the audit log: who did what, with the comments. */
  private async history(id: string): Promise<RecordEvent[]> {
    const rows = await this.repository.history(id);
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
