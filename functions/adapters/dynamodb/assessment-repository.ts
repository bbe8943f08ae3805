import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Assessment, waitsForReview } from '#domain/learning/practical.ts';
import type { AssessmentRepository } from '#domain/learning/practical-repository.ts';
import { storeCall } from './errors.ts';
import { fromItem, getItem, pageOf, queryIndexPage } from './items.ts';
import { assessmentKeys, assessmentLookup, assessmentsWaitingFor, heldSkillKeys, membershipKeys } from './keys.ts';
import { credentialIssueItems, type TransactItem } from './learning-repository.ts';

export function createAssessmentRepository(client: DynamoDBDocumentClient, tableName: string): AssessmentRepository {
  // On the asked syndicate's queue while a task's evidence waits for review; off it otherwise.
  const put = (assessment: Assessment): NonNullable<TransactItem['Put']> => {
    const waiting =
      assessment.syndicateId && assessment.requestedAt && waitsForReview(assessment)
        ? { syndicateId: assessment.syndicateId, requestedAt: assessment.requestedAt }
        : undefined;
    return {
      TableName: tableName,
      Item: { ...assessmentKeys(assessment.personId, assessment.courseId, waiting), type: 'assessment', ...assessment },
      ...(assessment.version === 1
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': assessment.version - 1 },
          }),
    };
  };
  const changed = 'The practical work changed meanwhile; reload it and try again.';

  return {
    // Access pattern `assessment-by-learner-and-course`: one learner's practical work on one course.
    async get(personId, courseId) {
      const item = await getItem(client, tableName, assessmentLookup(personId, courseId), { consistent: true });
      return item ? fromItem<Assessment>(item) : null;
    },

    // Access pattern `assessment-save`: the learner's evidence or request, over the version read.
    async save(assessment) {
      await storeCall(() => client.send(new PutCommand(put(assessment))), changed);
    },

    // Access pattern `assessment-review`: a review, with the assessor's standing checked in the same
    // transaction (membership active, each skill held at a level that suffices, the learner not asking to
    // join), and the credential's issue when it is the last sign-off.
    async saveReview(assessment, guard, issue) {
      const check = (
        key: { pk: string; sk: string },
        condition: string,
        names: Record<string, string>,
        values: Record<string, unknown>,
      ): TransactItem => ({
        ConditionCheck: {
          TableName: tableName,
          Key: { pk: key.pk, sk: key.sk },
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      });
      const assessor = membershipKeys(guard.syndicateId, guard.assessorId);
      const learner = membershipKeys(guard.syndicateId, guard.learnerId);
      const items: TransactItem[] = [
        { Put: put(assessment) },
        check(assessor, '#status = :active', { '#status': 'status' }, { ':active': 'active' }),
        ...guard.skills.map(({ skillId, levels }) =>
          check(
            heldSkillKeys(guard.assessorId, skillId),
            `#level IN (${levels.map((_, i) => `:l${i}`).join(', ')})`,
            { '#level': 'level' },
            Object.fromEntries(levels.map((level, i) => [`:l${i}`, level])),
          ),
        ),
        check(
          learner,
          'attribute_not_exists(pk) OR #status <> :requested',
          { '#status': 'status' },
          { ':requested': 'requested' },
        ),
      ];
      if (issue)
        items.push(
          ...(await credentialIssueItems(client, tableName, issue.enrollment, issue.credential, issue.skills)),
        );
      await storeCall(() => client.send(new TransactWriteCommand({ TransactItems: items })), changed);
    },

    // Access pattern `assessments-waiting-for-syndicate`: the practical work a syndicate's assessors are asked
    // to review, oldest request first, a page at a time (gsi2).
    async pageWaiting(syndicateId, request) {
      return pageOf(
        await queryIndexPage(client, tableName, assessmentsWaitingFor(syndicateId), request),
        fromItem<Assessment>,
      );
    },
  };
}
