/**
 * Injected into dist/Sidebar.html by the preview server, before the sidebar's own script: a
 * google.script.run that forwards each call to the preview page, where the real server code runs.
 */
interface Pending {
  ok: (value: unknown) => void;
  fail: (error: unknown) => void;
}

const pending = new Map<number, Pending>();
let nextId = 1;

window.addEventListener('message', (event) => {
  const data = event.data as { type?: string; id?: number; ok?: boolean; value?: unknown; message?: string };
  if (data?.type !== 'llm-sizing-result' || data.id === undefined) return;
  const call = pending.get(data.id);
  pending.delete(data.id);
  if (!call) return;
  if (data.ok) call.ok(data.value);
  else call.fail(new Error(data.message));
});

function runner(ok: Pending['ok'], fail: Pending['fail']): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_target, name: string) {
        if (name === 'withSuccessHandler') return (handler: Pending['ok']) => runner(handler, fail);
        if (name === 'withFailureHandler') return (handler: Pending['fail']) => runner(ok, handler);
        return (...args: unknown[]) => {
          const id = nextId++;
          pending.set(id, { ok, fail });
          window.parent.postMessage({ type: 'llm-sizing-run', id, fn: name, args }, '*');
        };
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner(
      () => undefined,
      () => undefined,
    ),
  },
};
