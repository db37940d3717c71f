import { LoginFailureEntity } from '../../modules/accounts/login-failure.entity';
import { MembershipEntity } from '../../modules/accounts/membership.entity';
import { SessionEntity } from '../../modules/accounts/session.entity';
import { UserEntity } from '../../modules/accounts/user.entity';
import { AuditLogEntity } from '../../modules/audit/audit-log.entity';
import { ContentRevisionEntity } from '../../modules/content/content-revision.entity';
import { RecordTombstoneEntity } from '../../modules/content/record-tombstone.entity';
import { CountryEntity } from '../../modules/countries/country.entity';
import { ExhibitionEntity } from '../../modules/content/kinds/exhibition.entity';
import { ItemEntity } from '../../modules/content/kinds/item.entity';
import { MediaAssetEntity } from '../../modules/media/media-asset.entity';
import { MediaUploadEntity } from '../../modules/media/media-upload.entity';
import { MemorialEntity } from '../../modules/content/kinds/memorial.entity';
import { PersonEntity } from '../../modules/content/kinds/person.entity';
import { SearchDocumentEntity } from '../../modules/search/search-document.entity';
import { SearchWordEntity } from '../../modules/search/search-word.entity';
import { SearchFilterCountEntity } from '../../modules/search/search-filter-count.entity';
import { NotificationEntity } from '../../modules/notifications/notification.entity';
import { ApiKeyEntity } from '../../modules/partners/api-key.entity';

/**
 * Every entity of every domain. Listed explicitly (not globbed) because the
 * API is bundled into one file.
 */
export const ENTITIES = [
  CountryEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  LoginFailureEntity,
  ItemEntity,
  MemorialEntity,
  ExhibitionEntity,
  PersonEntity,
  MediaAssetEntity,
  MediaUploadEntity,
  ContentRevisionEntity,
  RecordTombstoneEntity,
  AuditLogEntity,
  NotificationEntity,
  SearchDocumentEntity,
  SearchWordEntity,
  SearchFilterCountEntity,
  ApiKeyEntity,
];
