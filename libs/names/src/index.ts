export { nameKeys, queryKeys, matchName, nameMatches, isInitialKey, MAX_EDITS } from './names';
export type { NameKeyOptions, NameMatch, NameQuery, QueryToken } from './names';
export { placeKeys, placesMatch, gazetteerPlaces, PLACE_ID_PREFIX } from './places';
export { GAZETTEER } from './gazetteer';
export type { GazetteerPlace } from './gazetteer';
export { keyDistance, deletionNeighbours, MIN_FUZZY_KEY_LENGTH } from './distance';
export { cleanText, tokenize, tokenKeys, MAX_INPUT_LENGTH, MAX_TOKENS, MAX_TOKEN_LENGTH, MAX_READINGS } from './fold';
