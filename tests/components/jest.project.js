// Filled in with the Taro/jsdom setup (see toolchain notes).
const path = require('path');
module.exports = {
  displayName: 'components',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
};
