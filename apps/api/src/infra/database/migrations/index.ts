import { Foundation1764050000000 } from './1764050000000-foundation';
import { Collections1764060000000 } from './1764060000000-collections';
import { Media1764070000000 } from './1764070000000-media';
import { MediaReferences1764080000000 } from './1764080000000-media-references';
import { Review1764090000000 } from './1764090000000-review';
import { Search1764100000000 } from './1764100000000-search';
import { PublicChanges1764110000000 } from './1764110000000-public-changes';
import { SearchFilters1764120000000 } from './1764120000000-search-filters';
import { SearchWords1764130000000 } from './1764130000000-search-words';
import { PublicChangesLiveOnly1764140000000 } from './1764140000000-public-changes-live-only';
import { MediaVersions1764150000000 } from './1764150000000-media-versions';
import { MediaUploadTracking1764160000000 } from './1764160000000-media-upload-tracking';
import { SearchOrder1764170000000 } from './1764170000000-search-order';
import { PublicChangesTargeted1764200000000 } from './1764200000000-public-changes-targeted';
import { MediaWithdrawal1764210000000 } from './1764210000000-media-withdrawal';
import { FourEyes1764220000000 } from './1764220000000-four-eyes';
import { MediaResanitise1764240000000 } from './1764240000000-media-resanitise';
import { LocalizedLabels1764250000000 } from './1764250000000-localized-labels';
import { People1764260000000 } from './1764260000000-people';
import { PersonNameKeys1764270000000 } from './1764270000000-person-name-keys';
import { PeoplePublicOrder1764280000000 } from './1764280000000-people-public-order';
import { PersonDuplicates1764290000000 } from './1764290000000-person-duplicates';
import { SearchFiltersInIndex1764300000000 } from './1764300000000-search-filters-in-index';
import { StudioPeopleList1764310000000 } from './1764310000000-studio-people-list';
import { SearchFilterCounts1764320000000 } from './1764320000000-search-filter-counts';
import { RecordTombstones1764330000000 } from './1764330000000-record-tombstones';

/** Every migration, oldest first. Add new ones at the end. */
export const MIGRATIONS = [Foundation1764050000000, Collections1764060000000, Media1764070000000, MediaReferences1764080000000, Review1764090000000, Search1764100000000, PublicChanges1764110000000, SearchFilters1764120000000, SearchWords1764130000000, PublicChangesLiveOnly1764140000000, MediaVersions1764150000000, MediaUploadTracking1764160000000, SearchOrder1764170000000, PublicChangesTargeted1764200000000, MediaWithdrawal1764210000000, FourEyes1764220000000, MediaResanitise1764240000000, LocalizedLabels1764250000000, People1764260000000, PersonNameKeys1764270000000, PeoplePublicOrder1764280000000, PersonDuplicates1764290000000, SearchFiltersInIndex1764300000000, StudioPeopleList1764310000000, SearchFilterCounts1764320000000, RecordTombstones1764330000000];
