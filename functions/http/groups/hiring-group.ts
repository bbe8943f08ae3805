// The `hiring-api` function's routes: the hiring loop between an opening's applicants and its syndicate's
// admins (stages and offers, each application's message thread, the admins' private notes, the applicant's
// profile as they see it) and the CVs it sends and reads. A group of its own since people-api (profiles,
// inboxes, saved searches, accounts) passed its 256,000 bytes once the plain-words templates came in
// Spanish and Dutch; the hiring loop's routes and use cases are code no profile or inbox route runs.
import type { RouteGroup } from './route-group.ts';
import { applicantRoutes } from '../routes/applicant-routes.ts';
import { cvRoutes } from '../routes/cv-routes.ts';
import { hiringRoutes } from '../routes/hiring-routes.ts';

export const hiringGroup: RouteGroup = {
  name: 'hiring-api',
  routes: [...hiringRoutes, ...applicantRoutes, ...cvRoutes],
};
