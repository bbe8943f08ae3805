// `npm run setup:dynamodb`: fetch the DynamoDB Local jar into .cache/ ahead of time (CI does this
// first, so a failed download says so plainly instead of failing the first test).
import { join, resolve } from 'node:path';
import { ensureEmulator, requireJava } from './dynamodb-local.ts';

const root = resolve(import.meta.dirname, '../..');
const major = await requireJava();
const dir = await ensureEmulator(join(root, '.cache/dynamodb-local'), (message) => console.log(message));
console.log(`DynamoDB Local ready in ${dir} (Java ${major})`);
