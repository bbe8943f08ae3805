// Reads the committed ESCO data file (content/esco/esco.json.gz; in AWS a copy beside the reindex
// function's bundle, put there by its bundling hook). Only what indexes ESCO imports this: the reindex
// function, the local start and `npm run reindex`, never an API function (the file is 1.9 MB).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type EscoData, parseEscoData } from '#domain/content/esco-data.ts';

const cache = new Map<string, EscoData>();

/** The parsed file, once per process and path; a file of the wrong shape throws EscoDataError. */
export function readEscoFile(file: string): EscoData {
  let data = cache.get(file);
  if (!data) {
    data = parseEscoData(gunzipSync(readFileSync(file)).toString('utf8'));
    cache.set(file, data);
  }
  return data;
}
