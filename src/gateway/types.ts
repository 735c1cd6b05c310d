/** A file the person picked, ready to upload to cloud storage. */
export interface PickedFile {
  name: string;
  size: number;
  /** Uploads to cloud storage at this path; resolves the fileID. */
  upload(cloudPath: string): Promise<string>;
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
