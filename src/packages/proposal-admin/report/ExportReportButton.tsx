import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { InlineMessage } from '../../../components/InlineMessage';
import { call, openDocument } from '../../../gateway/cloud';
import { messageOf } from '../../../lib/cloud-message';

/** 导出 Excel: the cloud builds the report file; WeChat opens it (forward it from the menu), a browser saves it. */
export function ExportReportButton({ sessionId }: { sessionId: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');

  const run = async () => {
    setBusy(true);
    setProblem('');
    setDone('');
    try {
      const file = await call('proposal.exportReport', { sessionId }, { silent: true });
      await openDocument(file);
      setDone(`已导出「${file.fileName}」，可在打开的文件菜单里转发到微信群。`);
      void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (e) {
      setProblem(messageOf(e, '导出失败，请稍后再试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button fill="outline" block loading={busy} disabled={busy} onClick={run}>
        {busy ? '正在导出…' : '导出 Excel'}
      </Button>
      <InlineMessage text={problem} />
      <InlineMessage text={done} tone="success" />
    </>
  );
}
ExportReportButton.displayName = 'ExportReportButton';
