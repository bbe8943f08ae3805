// The writes a person makes to their own profile: only themselves, so no command takes a person's id.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { goalSchema } from '#domain/people/goal.ts';
import { setGoal } from '#domain/people/set-goal.ts';
import { skillRefSchema } from '#domain/content/skill-ref.ts';
import { profilePatchSchema, skillDeclarationSchema } from '#domain/people/profile.ts';
import { declareSkill, removeDeclaredSkill, updateProfile } from '#domain/people/profile-use-cases.ts';
import { command } from './command.ts';

const skill = /* @__PURE__ */ lazySchema(() => z.object({ skillId: skillRefSchema() }));

export const updateProfileCommand = command({
  name: 'people.update-profile',
  input: () => ({ body: profilePatchSchema() }),
  run: ({ services, identity, body }) => updateProfile(services, identity, body),
});

export const declareSkillCommand = command({
  name: 'people.declare-skill',
  input: () => ({ params: skill(), body: skillDeclarationSchema() }),
  run: ({ services, identity, params, body }) => declareSkill(services, identity, { skill: params.skillId, ...body }),
});

export const removeSkillCommand = command({
  name: 'people.remove-skill',
  input: () => ({ params: skill() }),
  run: ({ services, identity, params }) => removeDeclaredSkill(services, identity, params.skillId),
});

export const setGoalCommand = command({
  name: 'people.set-goal',
  input: () => ({ body: goalSchema() }),
  run: ({ services, identity, body }) => setGoal(services, identity, body),
});
