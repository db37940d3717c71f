import { LoginFailureEntity } from '../../modules/accounts/login-failure.entity';
import { MembershipEntity } from '../../modules/accounts/membership.entity';
import { SessionEntity } from '../../modules/accounts/session.entity';
import { UserEntity } from '../../modules/accounts/user.entity';
import { CountryEntity } from '../../modules/countries/country.entity';
import { ExhibitionEntity } from '../../modules/exhibitions/exhibition.entity';
import { ItemEntity } from '../../modules/items/item.entity';
import { MediaAssetEntity } from '../../modules/media/media-asset.entity';
import { MemorialEntity } from '../../modules/memorials/memorial.entity';

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
  MediaAssetEntity,
];
