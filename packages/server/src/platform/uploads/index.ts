import type { ShorelineModule } from '../module.js';
import { uploadMigrations } from './migrations.js';
import { pruneUploads } from './prune.js';
import { uploadRoutes } from './routes.js';
import { uploadsScopedTables } from './tables.js';

export type { UploadStartSchema, UploadStatusSchema } from './resumable-routes.js';
export type { UploadSchema } from './routes.js';
export {
  chunkBytesFor,
  deleteUpload,
  inChunks,
  readUpload,
  type StoredUpload,
  storeUpload,
  storeUploadText,
  type UploadOwner,
  writeUploadToFile,
} from './store.js';

/** Files users send, kept in the database for whichever process works on them (see store.ts). */
export const uploadsModule: ShorelineModule = {
  name: 'uploads',
  migrations: uploadMigrations,
  scopedTables: uploadsScopedTables,
  jobs: [pruneUploads],
  routes: uploadRoutes,
};
