/**
 * The routes whose body is a file's raw bytes, of any type and size: a whole upload, or one chunk of
 * a resumable one. The JSON body limit, the JSON-only rule and the JSON text guard leave them alone
 * (the upload routes bound them themselves, and stream them without holding them in memory).
 */
export function isRawUpload(method: string, path: string): boolean {
  return (
    (method === 'POST' && path === '/api/uploads') ||
    (method === 'PUT' && /^\/api\/uploads\/[^/]+\/chunks\/[^/]+$/.test(path))
  );
}
