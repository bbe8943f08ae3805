// The writes a person makes to their own profile: only themselves, so no command takes a person's id.
import type * as z from 'zod';
import * as zm from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import {
  type ProfilePatch,
  profilePatchSchema,
  skillDeclarationSchema,
  skillIdSchema,
} from '#domain/people/profile.ts';
import { declareSkill, removeDeclaredSkill, updateProfile } from '#domain/people/profile-use-cases.ts';
import { command } from './command.ts';

// TEMPORARY until main takes the coldstart branch: commands still type their schemas as classic zod.
const classic = <T>(schema: zm.ZodMiniType<T>) => schema as unknown as z.ZodType<T>;

const skill = lazySchema(() => zm.object({ skillId: skillIdSchema() }));

export const updateProfileCommand = command({
  name: 'people.update-profile',
  body: classic<ProfilePatch>(profilePatchSchema()),
  run: ({ services, identity, body }) => updateProfile(services, identity, body),
});

export const declareSkillCommand = command({
  name: 'people.declare-skill',
  params: classic(skill()),
  body: classic(skillDeclarationSchema()),
  run: ({ services, identity, params, body }) => declareSkill(services, identity, { skill: params.skillId, ...body }),
});

export const removeSkillCommand = command({
  name: 'people.remove-skill',
  params: classic(skill()),
  run: ({ services, identity, params }) => removeDeclaredSkill(services, identity, params.skillId),
});
