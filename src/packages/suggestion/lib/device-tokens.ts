import Taro from '@tarojs/taro';
import { createTokenStore, type KeyValueStorage } from './owner-tokens';
import { createTicketStore } from './send-tickets';

/**
 * WeChat's local storage (a browser's localStorage in the H5 build). Each call is written out as
 * `Taro.getStorageSync(...)`: in the H5 build Taro turns those calls into its storage functions at
 * compile time, and its default export has no storage methods at all — handing `Taro` itself to
 * the store made every read and write throw there, so anonymous sending always failed.
 */
export const deviceStorage: KeyValueStorage = {
  getStorageSync: (key) => Taro.getStorageSync(key),
  setStorageSync: (key, data) => Taro.setStorageSync(key, data),
};

/** This phone's owner tokens for its anonymous suggestions. */
export const deviceTokens = createTokenStore(deviceStorage);

/** This phone's send tickets for today. */
export const deviceTickets = createTicketStore(deviceStorage);
