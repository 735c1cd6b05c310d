/**
 * How the gateway reaches the cloud. Taro picks the file for the build target:
 * transport.weapp.ts (WeChat Cloud) or transport.h5.ts (the local cloud). Only one ships in a build.
 */
import type { PickedFile } from './types';

export function send(functionName: string, event: object): Promise<unknown>;
export function pickFile(extensions: string[]): Promise<PickedFile | null>;
