import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ProposalDetail } from '../../../../types/proposal';
import { fullMessageOf } from '../../../lib/cloud-message';

/** Asks before something that cannot be undone; resolves true when the person goes ahead. */
export async function confirmed(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' });
  return confirm;
}

/**
 * One proposal action: busy while it runs, a toast when it worked (the answered detail then
 * replaces the page's), the server's own message beside the buttons when refused.
 */
export function useProposalCall(onChange: (next: ProposalDetail) => void) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const run = async (send: () => Promise<ProposalDetail>, success: string | ((next: ProposalDetail) => string), fallback: string): Promise<ProposalDetail | null> => {
    setBusy(true);
    setProblem('');
    try {
      const next = await send();
      void Taro.showToast({ title: typeof success === 'string' ? success : success(next), icon: 'success' });
      setBusy(false);
      onChange(next);
      return next;
    } catch (e) {
      setProblem(fullMessageOf(e, fallback));
      setBusy(false);
      return null;
    }
  };
  return { busy, problem, setProblem, run };
}
