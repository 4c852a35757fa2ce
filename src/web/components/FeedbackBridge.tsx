import { useEffect } from 'react';
import { message } from 'antd';
import { setMessageApi } from '../lib/feedback';
import AntdShell from './AntdShell';

/**
 * Hands a message API bound to this place in the tree (so it follows the theme and the
 * language) to lib/feedback, and renders its messages. Loaded by FeedbackHost (App.tsx) with
 * the first message.
 */
function Bridge() {
  const [api, holder] = message.useMessage();
  useEffect(() => {
    setMessageApi(api);
    return () => setMessageApi(null);
  }, [api]);
  return holder;
}

export default function FeedbackBridge() {
  return (
    <AntdShell>
      <Bridge />
    </AntdShell>
  );
}
