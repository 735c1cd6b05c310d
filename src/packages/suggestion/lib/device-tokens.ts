import Taro from '@tarojs/taro';
import { createTokenStore } from './owner-tokens';

/** This phone's owner tokens, in WeChat's local storage (a browser's localStorage in the H5 build). */
export const deviceTokens = createTokenStore(Taro);
