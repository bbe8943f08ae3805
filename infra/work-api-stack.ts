// GuildhallWorkApi: the API's functions for work, learning and people: `api` (jobs, syndicates,
// openings, shortages, search, the OpenAPI document, health, and every /api path no route names),
// `learning-api` (enrolments, lessons, quizzes, credentials, paths), `practical-api` (practical sign-off),
// `people-api` (profiles, inboxes, saved searches, accounts) and `hiring-api` (the hiring loop and CVs). Each is its own function so its bundle carries only its routes' code.
import type { Construct } from 'constructs';
import { ApiStack, type ApiStackProps } from './api-stack.ts';
import { acknowledgeFileAccess } from './nag-acknowledgements.ts';
import { grantPersonFiles, grantForgetSignIn } from './people-grants.ts';

export class WorkApiStack extends ApiStack {
  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { files, identity } = props.foundation;
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
    // Learning signs credentials (and answers /api/credentials/keys); it keeps no file.
    this.groupFunction(
      'learning-api',
      'LearningApi',
      'functions/handlers/learning-api.ts',
      'Guildhall API: learning (enrolments, lessons, quizzes) and credentials',
    );
    // Practical sign-off stores and shows practical work's evidence photos (issue 18), never a CV.
    const practical = this.groupFunction(
      'practical-api',
      'PracticalApi',
      'functions/handlers/practical-api.ts',
      'Guildhall API: practical sign-off (tasks, evidence, reviews)',
      { environment: { ...this.withSearch, FILES_BUCKET: files.bucketName } },
    );
    grantPersonFiles(files, practical, ['evidence/*']);
    // The hiring loop uploads and reads CVs (an applicant's own, and the one sent with an application).
    const hiring = this.groupFunction(
      'hiring-api',
      'HiringApi',
      'functions/handlers/hiring-api.ts',
      'Guildhall API: hiring (stages, offers, threads, notes) and CVs',
      { environment: { ...this.withSearch, FILES_BUCKET: files.bucketName } },
    );
    grantPersonFiles(files, hiring, ['cv/*']);
    const people = this.groupFunction(
      'people-api',
      'PeopleApi',
      'functions/handlers/people-api.ts',
      'Guildhall API: profiles and people',
      {
        environment: { ...this.withSearch, FILES_BUCKET: files.bucketName, USER_POOL_ID: identity.userPool.userPoolId },
      },
    );
    // The CV routes, and the account deletion that forgets the sign-in account (as the site's forms do).
    grantPersonFiles(files, people);
    grantForgetSignIn(identity, people);
    acknowledgeFileAccess(files, [people, practical, hiring]);
  }
}
