import * as z from 'zod/mini';
import {
  declareSkillCommand,
  removeSkillCommand,
  setGoalCommand,
  updateProfileCommand,
} from '#app/commands/people-commands.ts';
import { documented } from '#config/bundle.ts';
import { personIdSchema } from '#domain/ids.ts';
import { getMe } from '#domain/people/get-me.ts';
import { personSchema } from '#domain/people/person.ts';
import { viewProfile } from '#domain/people/profile-view.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { profileViewSchema } from './profile-schemas.ts';

/** A profile answers differently to each person who asks: never kept by a shared cache. */
const privateAnswer = { 'cache-control': 'private, no-store' };
const answer = <T>(person: T) => ({ status: 200, body: person, headers: privateAnswer });

export const peopleRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me',
    auth: 'required',
    doc: documented && {
      summary: 'The signed-in person: profile, skills and memberships',
      tags: ['people'],
      responses: { 200: { description: 'The signed-in person.', schema: personSchema } },
    },
    async handle({ identity, services }) {
      return { body: await getMe(services, identity), headers: privateAnswer };
    },
  }),
  commandRoute(updateProfileCommand, {
    method: 'PATCH',
    path: '/api/me',
    doc: documented && {
      summary: 'Edit your profile: send the fields to change and the version you read; the rest stay',
      tags: ['people'],
      responses: {
        200: { description: 'The profile as it now is, with its new version.' },
        409: { description: 'The profile changed since that version was read: reload it and change it again.' },
      },
    },
    respond: answer,
  }),
  commandRoute(setGoalCommand, {
    method: 'PUT',
    path: '/api/me/goal',
    doc: documented && {
      summary: 'Set what you aim for: a trade, skills, or both; recommendations and the board rank by it first',
      tags: ['people'],
      responses: {
        200: { description: 'The profile as it now is; no trade and no skills clears the goal.' },
        422: { description: 'A skill the commons does not know, named by field.' },
      },
    },
    respond: answer,
  }),
  commandRoute(declareSkillCommand, {
    method: 'PUT',
    path: '/api/me/skills/{skillId}',
    doc: documented && {
      summary: 'Declare a skill you hold, at a level, with optional evidence (or change one declared)',
      tags: ['people'],
      responses: {
        200: { description: 'The profile with the skill declared.' },
        422: { description: 'Not a skill of the commons or of ESCO, or the most skills a profile holds.' },
      },
    },
    respond: answer,
  }),
  commandRoute(removeSkillCommand, {
    method: 'DELETE',
    path: '/api/me/skills/{skillId}',
    doc: documented && {
      summary: 'Remove a skill you declared',
      tags: ['people'],
      responses: {
        200: { description: 'The profile without the skill.' },
        404: { description: 'You have not declared that skill.' },
      },
    },
    respond: answer,
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/people/{id}',
    auth: 'required',
    input: () => ({ params: z.object({ id: personIdSchema() }) }),
    doc: documented && {
      summary: 'A person’s profile, each section as their privacy settings let you see it',
      tags: ['people'],
      responses: {
        200: { description: 'The sections you may see; `hidden` names the others.', schema: profileViewSchema },
        404: { description: 'No such person.' },
      },
    },
    async handle({ params, identity, services }) {
      return { body: await viewProfile(services, params.id, identity.personId), headers: privateAnswer };
    },
  }),
];
