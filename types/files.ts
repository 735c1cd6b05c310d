/** A file in cloud storage as actions hand it out for download: the temp URL lasts an hour. */
export interface StoredFile {
  fileID: string;
  tempFileURL: string;
  fileName: string;
}
