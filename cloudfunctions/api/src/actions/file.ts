import type { Handler } from '../lib/dispatch';
import { uploadPathFor } from '../lib/uploads';

/** Where to upload a file for one purpose: a path under the caller's own folder, with a random name. */
export const uploadPath: Handler<'file.uploadPath'> = async ({ purpose, extension }, caller) => ({ cloudPath: uploadPathFor(caller, purpose, extension) });
