/**
 * Pagefind's worker script (`pagefind/pagefind-worker.js` of a build) run in Node, as the search
 * page runs it in a browser's `Worker`: the tests search a built index with the page's own
 * engine (`src/features/search/client/engine.ts`) without a browser. The script runs in a
 * context of its own whose `self` receives and posts the messages; its requests go to the
 * server the build is served from.
 */
import vm from 'node:vm';
import type { WorkerLike } from '#features/search/client/engine.ts';

type Listener = (event: { data: unknown }) => void;

/** Starts workers on scripts of the site served at `origin`. */
export function nodeWorkers(origin: string): (url: string) => WorkerLike {
  return (url) => {
    const listeners: Listener[] = [];
    let stopped = false;
    const worker: WorkerLike = {
      onmessage: null,
      postMessage(message) {
        const copy = structuredClone(message);
        void ready.then(() => {
          if (!stopped) for (const listener of listeners) listener({ data: copy });
        });
      },
      terminate() {
        stopped = true;
      },
    };
    const self = {
      addEventListener(type: string, listener: Listener) {
        if (type === 'message') listeners.push(listener);
      },
      postMessage(data: unknown) {
        const copy = structuredClone(data);
        setImmediate(() => {
          if (!stopped) worker.onmessage?.({ data: copy });
        });
      },
    };
    const at = (path: string | URL) => new URL(path, new URL(url, origin));
    const ready = fetch(at(url))
      .then((response) => response.text())
      .then((code) => {
        const context = vm.createContext({
          self,
          fetch: (path: string) => fetch(at(path)),
          console,
          setTimeout,
          clearTimeout,
          TextDecoder,
          TextEncoder,
          WebAssembly,
          URL,
        });
        vm.runInContext(code, context, { filename: url });
      });
    return worker;
  };
}

/** Pagefind's worker, spoken to directly: the messages its script answers, for a reference index searched as Pagefind itself searches it. */
export function pagefindWorker(worker: WorkerLike): {
  call<T>(instance: string, method: string, ...args: unknown[]): Promise<T>;
  close(): void;
} {
  const pending = new Map<string, { resolve(value: unknown): void; reject(error: Error): void }>();
  let next = 0;
  worker.onmessage = ({ data }) => {
    const { id, result, error } = data as { id: string; result?: unknown; error?: string };
    const waiting = pending.get(id);
    pending.delete(id);
    if (error !== undefined) waiting?.reject(new Error(error));
    else waiting?.resolve(result);
  };
  return {
    call: <T>(instance: string, method: string, ...args: unknown[]) =>
      new Promise<T>((resolve, reject) => {
        const id = `r${next++}`;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, instanceId: instance, method, args });
      }),
    close: () => worker.terminate(),
  };
}
