/**
 * The `wx` object the app sees: what this app and Taro's runtime call, each answering as WeChat
 * documents it (success/fail/complete callbacks, or a Promise when none is given). The person's
 * answers to WeChat's own sheets (modal, subscription, file and code pickers) are scripted by the
 * test and every such sheet is recorded.
 */
import { randomBytes } from 'node:crypto';
import type { CloudLink } from './cloud-link';

export interface Toast { title: string; icon?: string }
export interface Modal { title?: string; content?: string; confirm: boolean }
export interface OpenedDocument { filePath: string; fileType?: string; bytes: Buffer }

/** What the person will do when WeChat asks them something. Each queue is used first in, first out. */
export interface Script {
  /** showModal: confirm (true) or cancel (false). Default: confirm. */
  modal: boolean[];
  /** requestSubscribeMessage: the answer for every template. Default: accept. */
  subscribe: Array<'accept' | 'reject'>;
  /** chooseMessageFile: a file the person picks from a chat; none queued = they cancel. */
  messageFile: Array<{ name: string; bytes: Buffer }>;
  /** scanCode: what the camera reads; none queued = they cancel. */
  scan: Array<{ result: string; path?: string }>;
  /** WeChat's phone-number sheet (the getPhoneNumber button): the number picked, or 'deny'. None queued = deny. */
  phone: Array<{ number: string; countryCode?: string } | 'deny'>;
  /**
   * WeChat's privacy guide (《用户隐私保护指引》). Until `agreed`, a privacy API (getPhoneNumber,
   * chooseMessageFile, scanCode) or wx.requirePrivacyAuthorize first shows WeChat's own guide,
   * answered from `answers` (none queued = refuse); refusing fails the API with errno 104.
   */
  privacy: { agreed: boolean; answers: Array<'agree' | 'refuse'> };
}

/** How WeChat fails a privacy API when the person has not agreed to the guide. */
export const PRIVACY_REFUSED = { errno: 104, message: 'privacy permission is not authorized' };

export interface Recorded {
  toasts: Toast[];
  modals: Modal[];
  loading: string[];
  subscribeAsked: string[][];
  documents: OpenedDocument[];
  titles: string[];
  /** How many times WeChat's privacy guide was shown. */
  privacyShown: number;
}

export interface Navigator {
  navigateTo(url: string): void;
  redirectTo(url: string): void;
  switchTab(url: string): void;
  reLaunch(url: string): void;
  navigateBack(delta: number): void;
  stopPullDownRefresh(): void;
  currentRoute(): string | undefined;
}

type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };
type Realm = <T>(value: T) => T;

export const SYSTEM_INFO = {
  brand: 'stand-in', model: 'iPhone 13', pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 753,
  statusBarHeight: 47, language: 'zh_CN', version: '8.0.50', system: 'iOS 17.5', platform: 'ios', fontSizeSetting: 16, SDKVersion: '3.4.0',
  benchmarkLevel: 1, theme: 'light', enableDebug: false, deviceOrientation: 'portrait',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
};

/**
 * What the getPhoneNumber button's event carries when tapped: the privacy gate, then WeChat's
 * phone sheet. `codeFor` is the local cloud's (a code phonenumber.getPhoneNumber will exchange).
 */
export function phoneButtonDetail(script: Script, recorded: Recorded, codeFor: (number: string, countryCode: string) => string): Record<string, unknown> {
  if (!script.privacy.agreed) {
    recorded.privacyShown += 1;
    if ((script.privacy.answers.shift() ?? 'refuse') === 'agree') script.privacy.agreed = true;
    else return { errMsg: `getPhoneNumber:fail ${PRIVACY_REFUSED.message}`, errno: PRIVACY_REFUSED.errno };
  }
  const picked = script.phone.shift() ?? 'deny';
  if (picked === 'deny') return { errMsg: 'getPhoneNumber:fail user deny' };
  return { errMsg: 'getPhoneNumber:ok', code: codeFor(picked.number, picked.countryCode ?? '86') };
}

export function createWx(deps: { cloud: CloudLink; nav: Navigator; script: Script; recorded: Recorded; realm: Realm; realmBytes: (bytes: Uint8Array) => Uint8Array; storage: Map<string, string> }) {
  const { cloud, nav, script, recorded, realm, realmBytes, storage } = deps;

  /** An async API: runs `body`, then answers through the callbacks, or as a Promise when there are none. */
  // `attach` adds what JSON cannot carry (an ArrayBuffer) to the answer once it is in the app's realm.
  const api = <O extends object>(name: string, body: (options: O) => unknown | Promise<unknown>, attach?: (answer: Record<string, unknown>, options: O) => void) =>
    (options: O & Callbacks = {} as O & Callbacks) => {
      const answer = (async () => {
        const value = await body(options);
        const res = realm({ errMsg: `${name}:ok`, ...(value as object) }) as Record<string, unknown>;
        attach?.(res, options);
        return res;
      })().catch((error: unknown) => {
        const errno = (error as { errno?: unknown })?.errno;
        throw realm({ errMsg: `${name}:fail ${(error as Error)?.message ?? error}`, ...(typeof errno === 'number' ? { errno } : {}) });
      });
      if (!options.success && !options.fail && !options.complete) return answer;
      answer.then(
        (res) => { options.success?.(res); options.complete?.(res); },
        (res) => { options.fail?.(res); options.complete?.(res); },
      );
      return undefined;
    };
  const done = (name: string, fn: (options: any) => void = () => undefined) => api(name, (options: any) => { fn(options); return {}; });

  /** WeChat's privacy gate before a privacy API: shows the guide if needed; false when refused. */
  const privacyAllows = (): boolean => {
    if (script.privacy.agreed) return true;
    recorded.privacyShown += 1;
    const answer = script.privacy.answers.shift() ?? 'refuse';
    if (answer === 'agree') script.privacy.agreed = true;
    return script.privacy.agreed;
  };
  const refusedForPrivacy = () => Object.assign(new Error(PRIVACY_REFUSED.message), { errno: PRIVACY_REFUSED.errno });

  let cloudEnv: string | undefined | null = null;
  const needInit = () => {
    if (cloudEnv === null) throw new Error('请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。init 方法会返回一个 Promise，完成后再调用其他云 API');
  };

  const wx = {
    // Cloud development: the local cloud, as the chosen person.
    cloud: {
      init(options: { env?: string } = {}) {
        if (options.env !== undefined && typeof options.env !== 'string') throw new TypeError('wx.cloud.init: env must be a string');
        cloudEnv = options.env;
      },
      callFunction: api('cloud.callFunction', async (o: { name: string; data?: object }) => {
        needInit();
        return { result: await cloud.callFunction(o.name, o.data ?? {}), requestID: randomBytes(8).toString('hex') };
      }),
      uploadFile: api('cloud.uploadFile', async (o: { cloudPath: string; filePath: string }) => {
        needInit();
        return { fileID: await cloud.uploadFile(o.cloudPath, o.filePath), statusCode: 200 };
      }),
      getTempFileURL: api('cloud.getTempFileURL', async (o: { fileList: string[] }) => {
        needInit();
        return { fileList: await cloud.tempUrls(o.fileList) };
      }),
      downloadFile: api('cloud.downloadFile', async (o: { fileID: string }) => {
        needInit();
        return { tempFilePath: await cloud.downloadFile(o.fileID), statusCode: 200 };
      }),
      get env() {
        return cloudEnv;
      },
    },

    // A file from a URL (the temp URL an action handed out): WeChat answers any HTTP status.
    downloadFile: api('downloadFile', (o: { url: string }) => {
      if (typeof o.url !== 'string' || !/^https?:\/\//.test(o.url)) throw new Error('invalid url');
      return cloud.downloadUrl(o.url);
    }),

    // Navigation: a real page stack.
    navigateTo: done('navigateTo', (o) => nav.navigateTo(o.url)),
    redirectTo: done('redirectTo', (o) => nav.redirectTo(o.url)),
    switchTab: done('switchTab', (o) => nav.switchTab(o.url)),
    reLaunch: done('reLaunch', (o) => nav.reLaunch(o.url)),
    navigateBack: done('navigateBack', (o) => nav.navigateBack(o?.delta ?? 1)),
    startPullDownRefresh: done('startPullDownRefresh'),
    stopPullDownRefresh: done('stopPullDownRefresh', () => nav.stopPullDownRefresh()),
    pageScrollTo: done('pageScrollTo'),
    setNavigationBarTitle: done('setNavigationBarTitle', (o) => recorded.titles.push(String(o.title))),
    setNavigationBarColor: done('setNavigationBarColor'),
    showNavigationBarLoading: done('showNavigationBarLoading'),
    hideNavigationBarLoading: done('hideNavigationBarLoading'),
    hideHomeButton: done('hideHomeButton'),
    setTabBarBadge: done('setTabBarBadge'),
    removeTabBarBadge: done('removeTabBarBadge'),
    showTabBarRedDot: done('showTabBarRedDot'),
    hideTabBarRedDot: done('hideTabBarRedDot'),

    // What WeChat shows over the page.
    showToast: done('showToast', (o) => recorded.toasts.push({ title: String(o.title ?? ''), icon: o.icon })),
    hideToast: done('hideToast'),
    showLoading: done('showLoading', (o) => recorded.loading.push(String(o.title ?? ''))),
    hideLoading: done('hideLoading'),
    showModal: api('showModal', (o: { title?: string; content?: string }) => {
      const confirm = script.modal.length ? script.modal.shift()! : true;
      recorded.modals.push({ title: o.title, content: o.content, confirm });
      return { confirm, cancel: !confirm };
    }),
    showActionSheet: api('showActionSheet', () => ({ tapIndex: 0 })),
    requestSubscribeMessage: api('requestSubscribeMessage', (o: { tmplIds: string[] }) => {
      if (!Array.isArray(o.tmplIds) || o.tmplIds.length === 0) throw new Error('tmplIds is empty');
      recorded.subscribeAsked.push([...o.tmplIds]);
      const answer = script.subscribe.length ? script.subscribe.shift()! : 'accept';
      return Object.fromEntries(o.tmplIds.map((id) => [id, answer]));
    }),
    chooseMessageFile: api('chooseMessageFile', () => {
      if (!privacyAllows()) throw refusedForPrivacy();
      const file = script.messageFile.shift();
      if (!file) throw new Error('cancel');
      const path = cloud.keepTempFile(file.name, file.bytes);
      return { tempFiles: [{ path, name: file.name, size: file.bytes.length, type: 'file', time: Math.floor(Date.now() / 1000) }] };
    }),
    scanCode: api('scanCode', () => {
      if (!privacyAllows()) throw refusedForPrivacy();
      const read = script.scan.shift();
      if (!read) throw new Error('cancel');
      return { result: read.result, path: read.path ?? '', scanType: 'WX_CODE', charSet: 'utf-8', rawData: '' };
    }),
    openDocument: api('openDocument', (o: { filePath: string; fileType?: string }) => {
      const bytes = cloud.readTempFile(o.filePath);
      recorded.documents.push({ filePath: o.filePath, fileType: o.fileType, bytes });
      return {};
    }),
    // Privacy (base library 2.32.3+): the guide shown again on request, and whether it is needed.
    requirePrivacyAuthorize: api('requirePrivacyAuthorize', () => {
      if (!privacyAllows()) throw refusedForPrivacy();
      return {};
    }),
    getPrivacySetting: api('getPrivacySetting', () => ({ needAuthorization: !script.privacy.agreed, privacyContractName: '《教工之家用户隐私保护指引》' })),
    openPrivacyContract: done('openPrivacyContract'),
    previewImage: done('previewImage'),
    setClipboardData: done('setClipboardData'),
    vibrateShort: done('vibrateShort'),
    makePhoneCall: done('makePhoneCall'),
    showShareMenu: done('showShareMenu'),
    hideShareMenu: done('hideShareMenu'),
    hideKeyboard: done('hideKeyboard'),
    getNetworkType: api('getNetworkType', () => ({ networkType: 'wifi' })),
    getRandomValues: api('getRandomValues', (o: { length: number }) => {
      if (!Number.isInteger(o.length) || o.length < 1 || o.length > 1024) throw new Error('invalid length');
      return {};
    }, (res, o) => {
      res.randomValues = realmBytes(randomBytes(o.length)).buffer;
    }),

    // The phone's storage for this mini-program.
    setStorageSync(key: string, value: unknown) {
      storage.set(String(key), JSON.stringify(value === undefined ? null : value));
    },
    getStorageSync(key: string) {
      const text = storage.get(String(key));
      return text === undefined ? '' : realm(JSON.parse(text));
    },
    removeStorageSync(key: string) {
      storage.delete(String(key));
    },
    clearStorageSync() {
      storage.clear();
    },
    getStorageInfoSync: () => realm({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    setStorage: api('setStorage', (o: { key: string; data: unknown }) => { storage.set(String(o.key), JSON.stringify(o.data ?? null)); return {}; }),
    getStorage: api('getStorage', (o: { key: string }) => {
      const text = storage.get(String(o.key));
      if (text === undefined) throw new Error('data not found');
      return { data: JSON.parse(text) };
    }),
    removeStorage: api('removeStorage', (o: { key: string }) => { storage.delete(String(o.key)); return {}; }),

    // The small things Taro's runtime and NutUI ask about the phone.
    getSystemInfoSync: () => realm(SYSTEM_INFO),
    getSystemInfo: api('getSystemInfo', () => SYSTEM_INFO),
    getWindowInfo: () => realm({ pixelRatio: 3, screenWidth: 390, screenHeight: 844, windowWidth: 390, windowHeight: 753, statusBarHeight: 47, safeArea: SYSTEM_INFO.safeArea, screenTop: 0 }),
    getDeviceInfo: () => realm({ brand: SYSTEM_INFO.brand, model: SYSTEM_INFO.model, system: SYSTEM_INFO.system, platform: 'ios', benchmarkLevel: 1 }),
    getAppBaseInfo: () => realm({ SDKVersion: '3.4.0', language: 'zh_CN', version: '8.0.50', theme: 'light', enableDebug: false, fontSizeSetting: 16 }),
    getSystemSetting: () => realm({ bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => realm({ albumAuthorized: 'authorized', cameraAuthorized: 'authorized', notificationAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => realm({ width: 87, height: 32, top: 51, right: 381, bottom: 83, left: 294 }),
    getAccountInfoSync: () => realm({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
    getLaunchOptionsSync: () => realm({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => realm({ path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} }),
    canIUse: () => true,
    nextTick: (fn: () => void) => { void Promise.resolve().then(fn); },
    getUpdateManager: () => ({ onCheckForUpdate: () => undefined, onUpdateReady: () => undefined, onUpdateFailed: () => undefined, applyUpdate: () => undefined }),
    reportAnalytics: () => undefined,
    onAppShow: () => undefined, offAppShow: () => undefined, onAppHide: () => undefined, offAppHide: () => undefined,
    onError: () => undefined, offError: () => undefined, onUnhandledRejection: () => undefined, offUnhandledRejection: () => undefined,
    onPageNotFound: () => undefined, offPageNotFound: () => undefined, onThemeChange: () => undefined, offThemeChange: () => undefined,
    onNetworkStatusChange: () => undefined, offNetworkStatusChange: () => undefined,
    onWindowResize: () => undefined, offWindowResize: () => undefined,
    onKeyboardHeightChange: () => undefined, offKeyboardHeightChange: () => undefined,
    onMemoryWarning: () => undefined,
    createSelectorQuery: () => selectorQuery(realm),
    createIntersectionObserver: () => ({ relativeToViewport: function () { return this; }, relativeTo: function () { return this; }, observe: () => undefined, disconnect: () => undefined }),
  };
  return wx;
}

/** Layout is not computed here: every measured node answers a zero box (NutUI copes with that). */
function selectorQuery(realm: Realm) {
  const results: unknown[] = [];
  const node = () => ({
    boundingClientRect(cb?: (r: unknown) => void) { results.push(['rect', cb]); return query; },
    scrollOffset(cb?: (r: unknown) => void) { results.push(['scroll', cb]); return query; },
    fields(_f: unknown, cb?: (r: unknown) => void) { results.push(['rect', cb]); return query; },
    node(cb?: (r: unknown) => void) { results.push(['node', cb]); return query; },
    context(cb?: (r: unknown) => void) { results.push(['node', cb]); return query; },
  });
  const query = {
    in() { return query; },
    select: node,
    selectAll: node,
    selectViewport: node,
    exec(cb?: (r: unknown[]) => void) {
      setTimeout(() => {
        const answers = results.map(([kind, each]: any) => {
          const value = realm(kind === 'rect' ? { id: '', dataset: {}, left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 } : kind === 'scroll' ? { scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 } : null);
          each?.(value);
          return value;
        });
        cb?.(realm(answers));
      }, 0);
      return query;
    },
  };
  return query;
}
