// The admins' private notes on applications, in their own partition per application (keys.ts,
// `applicationNoteKeys`): nothing that lists an opening's applications or a person's items reads them.
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationNote, ApplicationNoteRepository } from '#domain/openings/application-notes.ts';
import { storeCall } from './errors.ts';
import { fromItem, itemInTheWay, pageOf, queryIndexPage } from './items.ts';
import { applicationNoteKeys, applicationNotesOf } from './keys.ts';

export function createApplicationNoteRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
): ApplicationNoteRepository {
  return {
    // Access pattern `add-application-note`: one note, once: its id is in its key, so a request run twice
    // (the same idempotency key, the same derived id) finds the first note and answers with it.
    async createNote(note) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...applicationNoteKeys(note.openingId, note.applicantId, note.id, note.at),
                type: 'application-note',
                ...note,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
        );
        return note;
      } catch (error) {
        const existing = itemInTheWay(error);
        if (!existing) throw error;
        return fromItem<ApplicationNote>(existing);
      }
    },

    // Access pattern `notes-of-application`: one application's notes, newest first, a page at a time (gsi1).
    async pageNotes(openingId, applicantId, request) {
      const page = await queryIndexPage(client, tableName, applicationNotesOf(openingId, applicantId), request, {
        newestFirst: true,
      });
      return pageOf(page, fromItem<ApplicationNote>);
    },
  };
}
