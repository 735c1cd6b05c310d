/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.module.scss' {
  const classes: { readonly [key: string]: string };
  export default classes;
}

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined;
    /** WeChat cloud environment id, set at build time (weapp). */
    TARO_APP_CLOUD_ENV?: string;
  }
}
