// One jest run, six layers. Node-side layers use a plain TS transform; components use Taro's babel setup.
const nodeTransform = {
  '^.+\\.[jt]sx?$': ['babel-jest', {
    babelrc: false, configFile: false,
    presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
  }],
};
const nodeProject = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  transform: nodeTransform,
  ...extra,
});

module.exports = {
  // A hung test still fails; 5 s (jest's default) failed healthy cloud and component tests on a
  // 2-core machine busy with builds. Tests that need longer say so themselves.
  testTimeout: 30000,
  projects: [
    nodeProject('unit'),
    nodeProject('localcloud'),
    nodeProject('cloud'),
    nodeProject('e2e'),
    // The weapp build (dist/) in the WeChat stand-in: tests/weapp/stand-in.
    nodeProject('weapp'),
    require('./tests/components/jest.project.js'),
  ],
};
