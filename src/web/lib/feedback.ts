import type { App } from 'antd';
import { ApiError } from '../api/client';

type MessageApi = ReturnType<typeof App.useApp>['message'];

// antd's static message API would ignore the theme and locale of ConfigProvider; the instance
// from <App> does not. FeedbackBridge (components/FeedbackBridge.tsx) stores it here so code
// outside components (query caches, helpers) can show a message too.
let messageApi: MessageApi | null = null;

export function setMessageApi(message: MessageApi | null): void {
  messageApi = message;
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}

/** Shows the server's own message (already in the user's language), or the error's text. */
export function notifyError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return; // the login page takes over
  const text = error instanceof Error ? error.message : String(error);
  void messageApi?.error({ content: text, duration: 6 });
}
