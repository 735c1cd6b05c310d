/** A file in cloud storage as actions hand it out for download: the temp URL lasts ten minutes. */
export interface StoredFile {
  fileID: string;
  tempFileURL: string;
  fileName: string;
}
