// Preloaded into the API under record (node --require): crypto.randomUUID
// returns increasing uuids, still shaped as version 4.
//
// Why: the demo seeds each country's records in one instant, and lists break
// ties in time by id (public home pages, studio lists, search ranks through
// the order documents were indexed by record id). With random ids the order
// of tied records changes from run to run although nothing visible changed.
// Increasing ids put ties in creation order on every run, before and after a
// refactor, so the recording compares real answers without sorting anything
// away. Ids PostgreSQL makes (countries, users, revisions, sessions) stay
// random: none of their lists is ordered by id.
'use strict';
const crypto = require('node:crypto');

let counter = 0;
crypto.randomUUID = function orderedUuid() {
  counter += 1;
  const head = counter.toString(16).padStart(12, '0');
  const tail = crypto.randomBytes(10).toString('hex');
  const variant = '89ab'[parseInt(tail[3], 16) % 4];
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${tail.slice(0, 3)}-${variant}${tail.slice(4, 7)}-${tail.slice(7, 19)}`;
};
