// The writes of practical sign-off (issue 18): a learner's evidence, photos and request for an assessment;
// an assessor's review. Who may do each is decided in the use cases, where the data is.
import * as z from 'zod/mini';
import { idSchema, personIdSchema } from '#domain/ids.ts';
import { imageUploadSchema } from '#domain/learning/evidence-image.ts';
import { reviewTask } from '#domain/learning/assess-practical.ts';
import { evidenceInputSchema, reviewInputSchema } from '#domain/learning/practical.ts';
import {
  addEvidenceImage,
  removeEvidenceImage,
  requestAssessment,
  submitEvidence,
} from '#domain/learning/practical-use-cases.ts';
import { command } from './command.ts';

const taskParams = () => z.object({ courseId: idSchema(), taskId: idSchema() });

export const submitEvidenceCommand = command({
  name: 'practical.submit-evidence',
  input: () => ({ params: taskParams(), body: evidenceInputSchema() }),
  run: ({ services, identity, params, body }) =>
    submitEvidence(services, identity, params.courseId, params.taskId, body),
});

export const addEvidenceImageCommand = command({
  name: 'practical.add-image',
  input: () => ({ params: taskParams(), body: imageUploadSchema() }),
  run: ({ services, identity, params, body }) =>
    addEvidenceImage(services, identity, params.courseId, params.taskId, body.image),
});

export const removeEvidenceImageCommand = command({
  name: 'practical.remove-image',
  input: () => ({ params: z.object({ courseId: idSchema(), taskId: idSchema(), imageId: idSchema() }) }),
  run: ({ services, identity, params }) =>
    removeEvidenceImage(services, identity, params.courseId, params.taskId, params.imageId),
});

export const requestAssessmentCommand = command({
  name: 'practical.request-assessment',
  input: () => ({ params: z.object({ courseId: idSchema() }), body: z.strictObject({ syndicateId: idSchema() }) }),
  run: ({ services, identity, params, body }) =>
    requestAssessment(services, identity, params.courseId, body.syndicateId),
});

export const reviewTaskCommand = command({
  name: 'practical.review-task',
  input: () => ({
    params: z.object({ personId: personIdSchema(), courseId: idSchema(), taskId: idSchema() }),
    body: reviewInputSchema(),
  }),
  run: ({ services, identity, params, body }) =>
    reviewTask(services, identity, params.personId, params.courseId, params.taskId, body),
});
