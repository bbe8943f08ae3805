// Starts DynamoDB Local once for the integration project and hands its endpoint to the tests.
// It refuses to run against anything that is not on this machine. It also writes the OpenAPI document
// where the tests' configuration points (testOpenApiFile), as the build does for a deployed API.
import type { TestProject } from 'vitest/node';
import { compileOpenApi } from '#local/compile-openapi.ts';
import { isLocalEndpoint, startDynamoDbLocal } from '#local/dynamodb-local.ts';
import { testOpenApiFile } from './open-api-file.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  compileOpenApi(testOpenApiFile);
  const given = process.env.DYNAMODB_ENDPOINT;
  if (given) {
    if (!isLocalEndpoint(given)) throw new Error(`Integration tests refuse a non-local DynamoDB endpoint: ${given}`);
    project.provide('dynamoEndpoint', given);
    return;
  }
  const dynamo = await startDynamoDbLocal({ onProgress: (message) => console.log(`[dynamodb-local] ${message}`) });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
