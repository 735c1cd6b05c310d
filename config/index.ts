import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { cloudEnvForBuild } from './cloud-env';

const isH5 = process.env.TARO_ENV === 'h5';
// The shared contracts live outside src and must be compiled with it.
const compile = { include: [path.resolve(__dirname, '..', 'types')] };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiaogong-zhijia',
    date: '2026-11-25',
    // NutUI is drawn at 375px; our own styles at 750px.
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file?.replace(/\\+/g, '/') ?? '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp and H5 would wipe each other's output in one folder.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: ['@tarojs/plugin-html'],
    // Compile-time constants: the bundle must not read process.env at run time (WeChat has no process).
    defineConstants: { CLOUD_ENV: JSON.stringify(cloudEnvForBuild()) },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: true },
    // Chinese UI text as UTF-8 (3 bytes) instead of \uXXXX escapes (6 bytes): WeChat reads UTF-8 sources.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile,
      // NutUI's per-component styles are scoped by class: their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: true, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: true, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
