/** A write the storage could not take, as the API reports it. */
export interface StorageFault {
  code: 'storage_full' | 'storage_unavailable';
  message: string;
}

/**
 * Recognises errors that come from the storage rather than from the request: a full disk
 * (SQLITE_FULL, also what SQLite reports for ENOSPC) or a disk that fails or turned read-only.
 * They are answered 503 (try again later), never 500 and never 200.
 */
export function storageFaultOf(error: unknown): StorageFault | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'storage_full', message: 'The server’s disk is full: nothing was stored. Try again later; operators have been told.' };
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EROFS' || code === 'EIO') {
    return { code: 'storage_unavailable', message: 'The server cannot write to its disk right now: nothing was stored. Try again later.' };
  }
  return undefined;
}
