// Component tests: render Taro pages and components in jsdom, as the H5 build runs them.
// The setup follows the measured recipe in docs/toolchain-notes.md ("Jest with Taro 4").
const path = require('path');

const root = path.resolve(__dirname, '../..');
const support = '<rootDir>/tests/components/support';

// ESM-only packages under node_modules that jest must run through babel.
const esmPackages = [
  '@tarojs', '@stencil', '@nutui', '@swc/helpers', 'swiper', 'ssr-window', 'dom7', 'lodash-es',
  'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'history', 'universal-router',
  'path-to-regexp', 'style-inject', 'tslib',
  // Not in the measured list: ics (the H5 calendar API) pulls nanoid's browser build, which is ESM.
  'nanoid',
];

module.exports = {
  displayName: 'components',
  rootDir: root,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
  transform: {
    '^.+\\.(mjs|cjs|[jt]sx?)$': ['babel-jest', { configFile: path.join(root, 'babel.config.js') }],
  },
  // `.pnpm` lets through copies bundled inside Taro's own dist (taro-h5 ships style-inject that way).
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')}|\\.pnpm)/)`],
  moduleNameMapper: {
    '\\.(css|scss|sass|less)$': `${support}/style-stub.js`,
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': `${support}/taro-shim.js`,
    // Taro picks transport.<platform>.ts at build time; the jsdom tests are the H5 build.
    '^\\./transport$': '<rootDir>/src/gateway/transport.h5.ts',
  },
  // Mocks keep their implementations but forget earlier calls before each test.
  clearMocks: true,
  setupFiles: [`${support}/setup-taro.js`],
  setupFilesAfterEnv: [`${support}/setup-dom.ts`],
  // Compile-time constants Taro's build defines; the runtime reads them as globals.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: false,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
    __TARO_FRAMEWORK_REACT_MODE__: 'concurrent',
    CLOUD_ENV: '',
  },
};
