// What this commons last announced of each catalogue entry (domain/federation/catalogue-objects.ts): its
// digest and since when, by slug, in one partition the size of the catalogue. Apart from the remote
// catalogue's repositories so the function serving the Documents carries none of their readers.
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AnnouncedCourse, AnnouncedCourseRepository } from '#domain/federation/catalogue-objects.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, queryAll } from './items.ts';
import { prefixValues, startsWith } from './key-prefix.ts';
import { announcedCourseKeys, announcedCourses } from './keys.ts';

export function createAnnouncedCourseRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): AnnouncedCourseRepository {
  return {
    // Access pattern `announced-course`.
    async get(slug) {
      const item = await getItem(client, tableName, announcedCourseKeys(slug));
      return item ? fromItem<AnnouncedCourse>(item) : null;
    },
    // Access pattern `announced-courses`: bounded by the catalogue (and the entries it has dropped).
    async list() {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
        ExpressionAttributeValues: { ':pk': announcedCourses.pk, ...prefixValues(announcedCourses.prefix) },
      });
      return items.map((item) => fromItem<AnnouncedCourse>(item));
    },
    // Access pattern `announced-course`.
    async put(announced) {
      await storeCall(() =>
        client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...announcedCourseKeys(announced.slug), type: 'announced-course', ...announced },
          }),
        ),
      );
    },
  };
}
