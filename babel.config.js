// Taro's preset for the app; NutUI is imported per component so only the parts used (and their CSS) ship.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    ['import', { libraryName: '@nutui/nutui-react-taro', libraryDirectory: 'dist/es/packages', camel2DashComponentName: false,
      customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
      style: (name) => `${name}/style/css` }, 'nutui-react-taro'],
  ],
};
