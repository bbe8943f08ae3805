// The `learning-api` function's routes: learning (the catalog's enrolments, lessons, quizzes) and the
// credentials they issue and verify. A group of its own since `api` (jobs, shortages, search, health)
// reached its 250 KB with 27 bytes to spare once federation and the skills picker landed; learning's
// routes, quiz use cases and credential verification are ~20 KB that no job route runs.
import type { RouteGroup } from './route-group.ts';
import { credentialRoutes } from '../routes/credential-routes.ts';
import { learningRoutes } from '../routes/learning-routes.ts';
import { pathRoutes } from '../routes/path-routes.ts';

export const learningGroup: RouteGroup = {
  name: 'learning-api',
  // Credentials after learning's: /api/credentials/keys must not read as a credential id.
  // Paths (issue 18) are learning's too: they order its courses and read its credentials.
  routes: [...learningRoutes, ...credentialRoutes, ...pathRoutes],
};
