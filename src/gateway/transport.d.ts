/**
 * How the gateway reaches the cloud. Taro picks the file for the build target:
 * transport.weapp.ts (WeChat Cloud) or transport.h5.ts (the local cloud). Only one ships in a build.
 */
import type { PickedFile, StoredFile, SubscribeAnswers } from './types';

export function send(functionName: string, event: object): Promise<unknown>;
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
