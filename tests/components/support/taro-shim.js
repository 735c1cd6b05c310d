// `@tarojs/taro` in tests: the H5 implementation of the API plus the React hooks the React plugin
// provides. The H5 build rewrites `Taro.showToast(...)` into named imports; here the default export
// simply carries every API, so pages work unchanged and tests can spy on `Taro.<api>`.
const h5 = require('@tarojs/taro-h5');
const hooks = require('@tarojs/plugin-framework-react/dist/runtime');

const HOOKS = [
  'useAddToFavorites', 'useDidHide', 'useDidShow', 'useError', 'useLaunch', 'useLoad', 'useOptionMenuClick',
  'usePageNotFound', 'usePageScroll', 'usePullDownRefresh', 'usePullIntercept', 'useReachBottom', 'useReady',
  'useResize', 'useRouter', 'useSaveExitState', 'useScope', 'useShareAppMessage', 'useShareTimeline',
  'useTabItemTap', 'useTitleClick', 'useUnhandledRejection', 'useUnload',
];

const Taro = h5.default;
for (const [name, value] of Object.entries(h5)) {
  if (name !== 'default' && name !== '__esModule' && !(name in Taro)) Taro[name] = value;
}
for (const name of HOOKS) Taro[name] = hooks[name];

module.exports = { ...Taro, default: Taro, __esModule: true };
