/** A file the person picked, as a transport gives it: uploads to a path the server handed out. */
export interface PickedFile {
  name: string;
  size: number;
  /** Uploads to cloud storage at this path (from `file.uploadPath`); resolves the fileID. */
  upload(cloudPath: string): Promise<string>;
}

/** A file the person picked, as screens get it: `upload()` asks the server where, then uploads there. */
export interface ChosenFile {
  name: string;
  size: number;
  /** Resolves the fileID of the upload, for the action that adopts it. */
  upload(): Promise<string>;
}

export type { StoredFile } from '../../types/files';

/** Thrown by a transport when the cloud could not be reached. */
export class TransportError extends Error {
  constructor(readonly code: 'NETWORK' | 'NOT_SIGNED_IN') {
    super(code);
    this.name = 'TransportError';
  }
}

/** What the person answered per subscription template id. */
export type SubscribeAnswers = Record<string, 'accept' | 'reject' | 'ban' | 'filter'>;
