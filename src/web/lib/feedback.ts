import type { message } from 'antd';
import { ApiError } from '../api/client';

type MessageApi = ReturnType<typeof message.useMessage>[0];
type Note = { kind: 'success'; text: string } | { kind: 'error'; text: string };

// antd's static message API would ignore the theme and locale of ConfigProvider; the instance
// from message.useMessage does not. FeedbackBridge (components/FeedbackBridge.tsx) stores it
// here so that code outside components (query caches, helpers) can show a message too. The
// bridge is loaded with the first message (most visits show none): until then messages wait.
let messageApi: MessageApi | null = null;
const waiting: Note[] = [];
let wake: (() => void) | null = null;

export function setMessageApi(api: MessageApi | null): void {
  messageApi = api;
  if (api) for (const note of waiting.splice(0)) show(note);
}

/** Called by the app shell's FeedbackHost: `onWaiting` runs when a message waits for the bridge. */
export function watchWaitingMessages(onWaiting: () => void): () => void {
  wake = onWaiting;
  if (waiting.length > 0) onWaiting();
  return () => {
    wake = null;
  };
}

function show(note: Note): void {
  if (!messageApi) {
    waiting.push(note);
    wake?.();
  } else if (note.kind === 'success') {
    void messageApi.success(note.text);
  } else {
    void messageApi.error({ content: note.text, duration: 6 });
  }
}

export function notifySuccess(text: string): void {
  show({ kind: 'success', text });
}

/** Shows the server's own message (already in the user's language), or the error's text. */
export function notifyError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return; // the login page takes over
  show({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
}
