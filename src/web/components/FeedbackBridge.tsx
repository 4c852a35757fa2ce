import { useEffect } from 'react';
import { App } from 'antd';
import { setMessageApi } from '../lib/feedback';

/** Hands the themed message API of <App> to lib/feedback. Renders nothing. */
export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}
