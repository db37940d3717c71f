import { createHash, randomBytes } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiKey, CreateApiKey, CreatedApiKey } from '@vitrina/contracts';
import { type DataSource, IsNull } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditLog } from '../audit/audit-log.service';
import { ApiKeyEntity } from './api-key.entity';

/** Every key starts so, to be recognised (in a leaked file, a log, a secret scanner). */
const KEY_PREFIX = 'vtr_';
/** Characters of a key shown in the list to recognise it (the prefix and 8 more). */
const SHOWN_CHARACTERS = KEY_PREFIX.length + 8;
/** How long this process trusts what it read of a key: a key revoked through another process stops working within this. */
const KNOWN_FOR_MS = 30_000;
const KNOWN_ENTRIES = 10_000;

/** A key as the rate limiter and logs know it: its id and name, never the key. */
export interface Partner {
  keyId: string;
  name: string;
}

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

function toApiKey(row: ApiKeyEntity): ApiKey {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    prefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Partners' API keys: made and revoked by administrators (each an audit entry
 * in the change's transaction), checked on each request of the read API.
 * Checks are remembered for a short while per process (KNOWN_FOR_MS), so a
 * partner's burst costs no query per request; a revocation through this
 * process is effective at once.
 */
@Injectable()
export class ApiKeysService {
  private readonly known = new Map<string, { partner: Partner | null; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.getRepository(ApiKeyEntity).find({ order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toApiKey);
  }

  async create(actor: Actor, input: CreateApiKey): Promise<CreatedApiKey> {
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.db.transaction(async (tx) => {
      const saved = await tx.getRepository(ApiKeyEntity).save({
        name: input.name,
        contact: input.contact || null,
        keyHash: keyHash(key),
        keyPrefix: key.slice(0, SHOWN_CHARACTERS),
        createdBy: actor.email,
      });
      await this.audit.record(
        { action: 'api-key.create', actor, entityType: 'api-key', entityId: saved.id, details: { name: saved.name, prefix: saved.keyPrefix } },
        tx,
      );
      return saved;
    });
    const stored = await this.db.getRepository(ApiKeyEntity).findOneByOrFail({ id: row.id });
    return { ...toApiKey(stored), key };
  }

  /** Revokes a key (again is no change); the key is refused from then on. */
  async revoke(actor: Actor, id: string): Promise<ApiKey> {
    const row = await this.db.transaction(async (tx) => {
      const repository = tx.getRepository(ApiKeyEntity);
      const found = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw new NotFoundException('No such API key');
      if (found.revokedAt) return found;
      await repository.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      await this.audit.record({ action: 'api-key.revoke', actor, entityType: 'api-key', entityId: id, details: { name: found.name, prefix: found.keyPrefix } }, tx);
      return repository.findOneByOrFail({ id });
    });
    for (const [hash, entry] of this.known) if (entry.partner?.keyId === id) this.known.delete(hash);
    return toApiKey(row);
  }

  /** The partner a key belongs to, or null for a key unknown or revoked. */
  async resolve(key: string, now = Date.now()): Promise<Partner | null> {
    const hash = keyHash(key);
    const known = this.known.get(hash);
    if (known && known.until > now) return known.partner;
    const row = await this.db.getRepository(ApiKeyEntity).findOne({ where: { keyHash: hash, revokedAt: IsNull() } });
    const partner = row ? { keyId: row.id, name: row.name } : null;
    if (this.known.size >= KNOWN_ENTRIES) this.known.clear();
    this.known.set(hash, { partner, until: now + KNOWN_FOR_MS });
    return partner;
  }
}
