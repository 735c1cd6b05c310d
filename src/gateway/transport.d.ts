/**
 * How the gateway reaches the cloud. Taro picks the file for the build target:
 * transport.weapp.ts (WeChat Cloud) or transport.h5.ts (the local cloud). Only one ships in a build.
 */
import type { PickedFile, StoredFile, SubscribeAnswers } from './types';
import type { PhoneAnswer } from './privacy';

/** 'wechat': the getPhoneNumber button's own event carries the code; 'browser': a tap asks the local cloud. */
export const PHONE_BUTTON: 'wechat' | 'browser';
/** The code of the person's phone number (WeChat: from the button's event detail), or why there is none. */
export function phoneCode(detail?: unknown): Promise<PhoneAnswer>;
/** Asks WeChat to show the privacy guide again; true once agreed. */
export function agreePrivacy(): Promise<boolean>;

export function send(functionName: string, event: object): Promise<unknown>;
/** Rejects with a PrivacyRefusedError when WeChat refuses for want of agreement to the privacy guide. */
export function pickFile(extensions: string[]): Promise<PickedFile | null>;
/** Opens a stored document (WeChat: download by fileID, then the document viewer with its forward menu; browser: save the file). */
export function openDocument(file: StoredFile): Promise<void>;
/** Asks for consent to these subscription templates (must run inside a tap). Resolves {} when it could not ask. */
export function requestSubscribe(templateIds: string[]): Promise<SubscribeAnswers>;
/**
 * A new owner token from the platform's cryptographically strong random source (WeChat:
 * wx.getRandomValues; browser: crypto.getRandomValues). Rejects when there is none: never weaker randomness.
 */
export function randomToken(): Promise<string>;
