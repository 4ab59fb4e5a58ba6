// The Imports page's upload: a file sent in resumable chunks, its progress, and cancelling it.
import type { UploadStatus } from '@shoreline/server/contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { insightApi } from './api';
import {
  cancelUpload,
  forgetUpload,
  type ResumeStore,
  type UploadFile,
  uploadResumably,
} from './resumableUpload';

/** Thrown by `upload` when the user cancelled it: nothing to report. */
export class UploadCancelled extends Error {
  constructor() {
    super('upload cancelled');
    this.name = 'UploadCancelled';
  }
}

export interface UploadState {
  fileName: string;
  sent: number;
  total: number;
  phase: 'sending' | 'stopped' | 'cancelled';
}

/** localStorage when the browser lets us use it (private modes may not): then no resume after reload. */
function browserStore(): ResumeStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useResumableUpload() {
  const [state, setState] = useState<UploadState | null>(null);
  const running = useRef<{ file: UploadFile; abort: AbortController } | null>(null);
  useEffect(() => () => running.current?.abort.abort(), []);

  /** Sends the file (resuming an earlier attempt at it) and resolves with the complete upload. */
  const upload = useCallback(async (file: UploadFile): Promise<UploadStatus> => {
    const abort = new AbortController();
    running.current = { file, abort };
    setState({ fileName: file.name, sent: 0, total: file.size, phase: 'sending' });
    try {
      return await uploadResumably(file, {
        transport: insightApi.uploadTransport,
        store: browserStore(),
        signal: abort.signal,
        onProgress: (sent, total) =>
          setState((s) => (s && s.phase === 'sending' ? { ...s, sent, total } : s)),
      });
    } catch (err) {
      if (abort.signal.aborted) throw new UploadCancelled();
      setState((s) => (s && s.phase === 'sending' ? { ...s, phase: 'stopped' } : s));
      throw err;
    } finally {
      if (running.current?.abort === abort) running.current = null;
    }
  }, []);

  /** The import took the upload: the file need not be resumed any more. */
  const finished = useCallback((file: UploadFile) => {
    forgetUpload(browserStore(), file);
    setState(null);
  }, []);

  /** Stops sending and deletes what the server stored. */
  const cancel = useCallback(async () => {
    const current = running.current;
    if (!current) return;
    setState((s) => (s ? { ...s, phase: 'cancelled' } : s));
    current.abort.abort();
    await cancelUpload(current.file, insightApi.uploadTransport, browserStore());
  }, []);

  return { state, upload, finished, cancel };
}
