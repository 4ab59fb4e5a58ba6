import { nightlyPrune } from '../jobs/prune.js';

/**
 * Nightly: uploads nobody used (or whose transfer broke off) older than a week go. Uploads an
 * import still needs are deleted by the import when it finishes; a dead import keeps its upload
 * for a week, so an admin can retry it.
 */
export const pruneUploads = nightlyPrune('uploads.prune', '47 3 * * *', 7, (db, before) =>
  db.deleteFrom('uploads').where('created_at', '<', before).executeTakeFirst(),
);
