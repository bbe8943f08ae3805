// GuildhallWorkApi: the API's functions for work, learning and people: `api` (jobs, syndicates,
// openings, shortages, search, the OpenAPI document, health, and every /api path no route names),
// `learning-api` (enrolments, lessons, quizzes, credentials) and `people-api` (profiles, the hiring
// loop, inboxes, accounts). Each is its own function so its bundle carries only its routes' code.
import type { Construct } from 'constructs';
import { ApiStack, type ApiStackProps } from './api-stack.ts';
import { acknowledgeFileAccess } from './nag-acknowledgements.ts';
import { grantPersonFiles, grantForgetSignIn } from './people-grants.ts';

export class WorkApiStack extends ApiStack {
  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { files, identity, emailLinkKey } = props.foundation;
    this.groupFunction(
      'api',
      'Api',
      'functions/handlers/api.ts',
      'Guildhall API: jobs, shortages, search, and unknown /api paths',
      {
        // The OpenAPI document it serves, generated from the route table here rather than at a cold start.
        extraFiles: (inputDir, outputDir) => [
          `node "${inputDir}/functions/local/compile-openapi.ts" "${outputDir}/openapi.json"`,
        ],
      },
    );
    // Learning signs credentials (and answers /api/credentials/keys), and stores and shows practical
    // work's evidence photos (issue 18), never a CV.
    const learning = this.groupFunction(
      'learning-api',
      'LearningApi',
      'functions/handlers/learning-api.ts',
      'Guildhall API: learning (enrolments, lessons, quizzes) and credentials',
      { environment: { ...this.withSearch, FILES_BUCKET: files.bucketName } },
    );
    grantPersonFiles(files, learning, ['evidence/*']);
    // It also keeps email preferences and answers the one-click unsubscribe.
    const people = this.groupFunction(
      'people-api',
      'PeopleApi',
      'functions/handlers/people-api.ts',
      'Guildhall API: profiles and people',
      {
        environment: { ...this.withSearch, FILES_BUCKET: files.bucketName, USER_POOL_ID: identity.userPool.userPoolId },
        secrets: { ...this.signs(), EMAIL_LINK_KEY_SECRET: emailLinkKey },
      },
    );
    // The CV routes, and the account deletion that forgets the sign-in account (as the site's forms do).
    grantPersonFiles(files, people);
    grantForgetSignIn(identity, people);
    acknowledgeFileAccess(files, [people, learning]);
  }
}
