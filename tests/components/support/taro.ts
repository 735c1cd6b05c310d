import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';

/**
 * Navigation and toasts recorded instead of performed: jsdom has no page stack to move through.
 * Call once at the top of a test file (each file has its own Taro); `clearMocks` empties the records
 * before every test.
 */
export function stubTaro() {
  const ok = () => Promise.resolve({ errMsg: 'ok' });
  return {
    navigateTo: jest.spyOn(Taro, 'navigateTo').mockImplementation(ok as never),
    navigateBack: jest.spyOn(Taro, 'navigateBack').mockImplementation(ok as never),
    redirectTo: jest.spyOn(Taro, 'redirectTo').mockImplementation(ok as never),
    switchTab: jest.spyOn(Taro, 'switchTab').mockImplementation(ok as never),
    reLaunch: jest.spyOn(Taro, 'reLaunch').mockImplementation(ok as never),
    showToast: jest.spyOn(Taro, 'showToast').mockImplementation(ok as never),
    /** The page stack: empty unless a test says otherwise. */
    getCurrentPages: jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([]),
  };
}

/** What `useRouter()` answers on the page under test, e.g. `{ id: 'T002' }`. */
export function openPageWith(params: Record<string, string>): void {
  Current.router = { params, path: '/', onReady: '', onHide: '', onShow: '', shareTimelineParams: params } as never;
}
