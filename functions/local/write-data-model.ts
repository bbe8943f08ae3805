// `npm run docs:data-model`: writes docs/data-model.md from the data-model declaration. The unit tests
// fail while the file in the repository differs from what this writes, so a stale catalogue fails CI.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataModelPath, renderDataModel } from './data-model-doc.ts';

const root = join(import.meta.dirname, '../..');
writeFileSync(join(root, dataModelPath), renderDataModel());
console.log(`wrote ${dataModelPath}`);
