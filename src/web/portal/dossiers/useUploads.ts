// The files a citizen attaches to a dossier, grouped by slot (one per required document, plus "other"): each uploads
// at once with its progress; a failed one can be sent again or removed; leaving the page aborts what is still going.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { checkFile, uploadErrorText, uploadFile, type FileView } from './upload';

export interface UploadItem {
  id: string;
  slot: string;
  name: string;
  size: number;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  error?: string;
  /** Set when the server has taken the file (its name may differ: the server names it by its real type). */
  file?: FileView;
  /** Whether sending it again may work (a lost connection, a rate limit), as opposed to a refused file. */
  retryable?: boolean;
}

let counter = 0;

export function useUploads() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const files = useRef(new Map<string, File>());

  const patch = (id: string, change: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.id === id ? { ...i, ...change } : i)));

  const start = useCallback((id: string, file: File) => {
    const ctrl = new AbortController();
    controllers.current.set(id, ctrl);
    uploadFile(file, (progress) => patch(id, { progress }), ctrl.signal).then(
      (view) => {
        controllers.current.delete(id);
        files.current.delete(id);
        patch(id, { status: 'done', progress: 1, file: view, name: view.name });
      },
      (err: unknown) => {
        controllers.current.delete(id);
        if (ctrl.signal.aborted) return;
        // A refused file stays refused; a lost connection or a rate limit may pass later.
        const retryable = !(err instanceof ApiError && err.status >= 400 && err.status !== 429);
        patch(id, { status: 'error', error: uploadErrorText(err, file.name), retryable });
      },
    );
  }, []);

  const add = useCallback(
    (slot: string, chosen: File[]) => {
      const fresh: UploadItem[] = chosen.map((file) => {
        const id = `u${++counter}`;
        const problem = checkFile(file);
        if (problem) return { id, slot, name: file.name, size: file.size, progress: 0, status: 'error', error: problem, retryable: false };
        files.current.set(id, file);
        return { id, slot, name: file.name, size: file.size, progress: 0, status: 'uploading' };
      });
      setItems((all) => [...all, ...fresh]);
      for (const item of fresh) {
        const file = files.current.get(item.id);
        if (item.status === 'uploading' && file) start(item.id, file);
      }
    },
    [start],
  );

  const remove = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    controllers.current.delete(id);
    files.current.delete(id);
    setItems((all) => all.filter((i) => i.id !== id));
  }, []);

  const retry = useCallback(
    (id: string) => {
      const file = files.current.get(id);
      if (!file) return;
      patch(id, { status: 'uploading', progress: 0, error: undefined });
      start(id, file);
    },
    [start],
  );

  const clear = useCallback(() => {
    for (const c of controllers.current.values()) c.abort();
    controllers.current.clear();
    files.current.clear();
    setItems([]);
  }, []);

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const c of running.values()) c.abort();
    };
  }, []);

  return {
    items,
    add,
    remove,
    retry,
    clear,
    busy: items.some((i) => i.status === 'uploading'),
    failed: items.some((i) => i.status === 'error'),
    done: items.filter((i): i is UploadItem & { file: FileView } => i.status === 'done' && !!i.file),
  };
}

export type Uploads = ReturnType<typeof useUploads>;
