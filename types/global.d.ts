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
    /** The WeChat cloud environment id for a build (config/cloud-env.ts); the bundle sees it as CLOUD_ENV. */
    CLOUD_ENV?: string;
  }
}

/** The WeChat cloud environment id, defined by every build (config/cloud-env.ts); '' = the default one. */
declare const CLOUD_ENV: string;
