import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { StoredFile } from '../../types/files';
import { openDocument } from '../gateway/cloud';
import { messageOf } from '../lib/cloud-message';
import { InlineMessage } from './InlineMessage';

export interface ExportFileButtonProps {
  label: string;
  /** Asks the cloud to build the file (an action answering a StoredFile). */
  exportFile: () => Promise<StoredFile>;
  className?: string;
}

/** 导出: the cloud builds an Excel file; WeChat opens it (forward it from the menu), a browser saves it. */
export function ExportFileButton({ label, exportFile, className }: ExportFileButtonProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');

  const run = async () => {
    setBusy(true);
    setProblem('');
    setDone('');
    try {
      const file = await exportFile();
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
      <Button className={className} fill="outline" block loading={busy} disabled={busy} onClick={run}>
        {busy ? '正在导出…' : label}
      </Button>
      <InlineMessage text={problem} />
      <InlineMessage text={done} tone="success" />
    </>
  );
}
