// The `practical-api` function's routes: practical sign-off (issue 18): a learner's practical tasks, their
// evidence and photos, the request for assessment, and the syndicate's reviews. A group of its own since
// learning-api (enrolments, lessons, quizzes, credentials, paths) passed its 256,000 bytes once the
// plain-words templates came in Spanish and Dutch; practical work is its own repository, its own evidence
// photos in the files bucket and ~16 KB of use cases no lesson, quiz or credential route runs.
import type { RouteGroup } from './route-group.ts';
import { practicalRoutes } from '../routes/practical-routes.ts';
import { catalogueFederationRoutes } from '../routes/catalogue-federation-routes.ts';

export const practicalGroup: RouteGroup = {
  name: 'practical-api',
  // The catalogue's and shortages' federated Documents (issue 20): plain JSON over the commons and the
  // snapshots, here for the room (federation-api is at its 3 MB, api and learning-api near their 250 KB).
  routes: [...practicalRoutes, ...catalogueFederationRoutes],
};
