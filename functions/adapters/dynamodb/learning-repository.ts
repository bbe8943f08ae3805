import {
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { levelRank } from '#domain/content/commons.ts';
import { ConflictError } from '#domain/errors.ts';
import type { Enrollment } from '#domain/learning/enrollment.ts';
import type {
  CredentialedSkill,
  LearningRepository,
  QuizAttempt,
  StoredCredential,
} from '#domain/learning/learning-repository.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, getItems, pageOf, queryKeys, queryPage } from './items.ts';
import {
  attemptKeys,
  attemptList,
  commonsCredentialsKeys,
  credentialKeys,
  credentialLookup,
  credentialsOf,
  enrollmentKeys,
  enrollmentsOf,
  heldSkillKeys,
  heldSkillsOf,
} from './keys.ts';
import { prefixValues, startsWith } from './key-prefix.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export function createLearningRepository(client: DynamoDBDocumentClient, tableName: string): LearningRepository {
  const enrollmentPut = (enrollment: Enrollment) => enrollmentWrite(tableName, enrollment);
  const attemptPut = (attempt: QuizAttempt): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: { ...attemptKeys(attempt.personId, attempt.courseId, attempt.attempt), type: 'attempt', ...attempt },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  });
  const transact = (items: TransactItem[], conflict: string) =>
    storeCall(() => client.send(new TransactWriteCommand({ TransactItems: items })), conflict);

  return {
    // Access pattern `enrollment-by-person-and-course`: one learner's enrollment in one course.
    async getEnrollment(personId, courseId) {
      const item = await getItem(client, tableName, pk(enrollmentKeys(personId, courseId)));
      return item ? fromItem<Enrollment>(item) : null;
    },

    // Access pattern `enrollments-of-person`: a learner's enrollments.
    async listEnrollments(personId) {
      const { pk, prefix } = enrollmentsOf(personId);
      return queryKeys<Enrollment>(client, tableName, { partition: pk, prefix });
    },

    // Access pattern `enroll-once`: enroll once; a retry returns the stored enrollment.
    async createEnrollment(enrollment) {
      try {
        await storeCall(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...enrollmentKeys(enrollment.personId, enrollment.courseId), type: 'enrollment', ...enrollment },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        return enrollment;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const stored = await this.getEnrollment(enrollment.personId, enrollment.courseId);
        if (!stored) throw error;
        return stored;
      }
    },

    async saveEnrollment(enrollment) {
      const put = enrollmentPut(enrollment).Put;
      if (!put) throw new Error('unreachable');
      await storeCall(() => client.send(new PutCommand(put)), 'The enrollment changed meanwhile; try again.');
    },

    async recordAttempt(enrollment, attempt) {
      await transact([enrollmentPut(enrollment), attemptPut(attempt)], 'Another quiz submission was recorded first.');
    },

    async recordPass(enrollment, attempt, credential, skills) {
      await transact(
        [attemptPut(attempt), ...(await credentialIssueItems(client, tableName, enrollment, credential, skills))],
        'The course was completed by another submission first.',
      );
    },

    // Access pattern `attempts-of-learner`: a learner's attempts at one quiz, newest first, a page at a time.
    async pageAttempts(personId, courseId, request) {
      const list = attemptList(personId, courseId);
      return pageOf(
        await queryPage(
          client,
          {
            TableName: tableName,
            KeyConditionExpression: `pk = :pk AND ${startsWith('sk')}`,
            ExpressionAttributeValues: { ':pk': list.pk, ...prefixValues(list.prefix) },
            ScanIndexForward: false,
          },
          request,
          { name: 'pk', value: list.pk },
        ),
        fromItem<QuizAttempt>,
      );
    },

    // Access pattern `credential-by-id`: a credential by id (download, verification page).
    // Access pattern `commons-credentials`: how many credentials the commons has issued.
    async credentialsIssued() {
      const item = await getItem(client, tableName, commonsCredentialsKeys);
      return Number(item?.issued ?? 0);
    },

    async getCredential(credentialId) {
      const item = await getItem(client, tableName, credentialLookup(credentialId));
      return item ? fromItem<StoredCredential>(item) : null;
    },

    // Access pattern `credentials-of-person`: a person's credentials, oldest first (gsi1).
    async listCredentials(personId) {
      const { gsi1pk, prefix } = credentialsOf(personId);
      return queryKeys<StoredCredential>(client, tableName, { index: 'gsi1', partition: gsi1pk, prefix });
    },

    // Access pattern `held-skills-of-person`: the skills a person holds by credential.
    async listCredentialedSkills(personId) {
      const { pk, prefix } = heldSkillsOf(personId);
      return queryKeys<CredentialedSkill>(client, tableName, { partition: pk, prefix });
    },

    // Access pattern `held-skills-by-pairs`: some people's credentialed skills among some skills, batched by key: every
    // pair.
    async findCredentialedSkills(personIds, skillIds) {
      const keys = personIds.flatMap((personId) => skillIds.map((skillId) => pk(heldSkillKeys(personId, skillId))));
      return [...(await getItems(client, tableName, keys)).values()].map((item) => fromItem<CredentialedSkill>(item));
    },
  };
}

// The enrollment write shared by save, attempt, pass and sign-off: only over the version that was read.
const enrollmentWrite = (tableName: string, enrollment: Enrollment): TransactItem => ({
  Put: {
    TableName: tableName,
    Item: { ...enrollmentKeys(enrollment.personId, enrollment.courseId), type: 'enrollment', ...enrollment },
    ConditionExpression: 'version = :expected',
    ExpressionAttributeValues: { ':expected': enrollment.version - 1 },
  },
});

/**
 * The writes that issue a credential, for the transaction that earns it (a quiz pass, or a practical
 * course's last sign-off): the completed enrollment over its version, the credential once, one more on
 * the commons' count, and each skill unless the learner already holds it at the same or a higher level.
 */
export async function credentialIssueItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  enrollment: Enrollment,
  credential: StoredCredential,
  skills: CredentialedSkill[],
): Promise<TransactItem[]> {
  const { pk: partition, prefix } = heldSkillsOf(enrollment.personId);
  const current = await queryKeys<CredentialedSkill>(client, tableName, { partition, prefix });
  const held = new Map(current.map((s) => [s.skillId, s]));
  const upgrades = skills.filter((skill) => {
    const had = held.get(skill.skillId);
    return !had || levelRank[had.level] < levelRank[skill.level];
  });
  return [
    enrollmentWrite(tableName, enrollment),
    {
      Put: {
        TableName: tableName,
        Item: {
          ...credentialKeys(credential.id, credential.personId, credential.issuedAt),
          type: 'credential',
          ...credential,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    // Access pattern `commons-credentials`: one more issued, in the transaction that stores it, so a
    // refused or repeated pass never counts.
    {
      Update: {
        TableName: tableName,
        Key: commonsCredentialsKeys,
        UpdateExpression: 'ADD issued :one',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    ...upgrades.map(
      (skill): TransactItem => ({
        Put: {
          TableName: tableName,
          Item: { ...heldSkillKeys(skill.personId, skill.skillId), type: 'held-skill', ...skill },
        },
      }),
    ),
  ];
}

function pk(keys: { pk: string; sk: string }) {
  return { pk: keys.pk, sk: keys.sk };
}
