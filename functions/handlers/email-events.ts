// Lambda entry point for SES's bounce and complaint events (configuration set → SNS → here): each
// bouncing or complaining address joins the suppression list, which every mailer checks before sending.
import type { SNSEvent } from 'aws-lambda';
import { createSuppressionList } from '#adapters/dynamodb/email-repository.ts';
import { applySesEvents } from '#app/ses-events.ts';
import { getStoreServices } from '#app/store-services.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const services = getStoreServices();
// The suppression list alone: this function signs no unsubscribe link, so it is given no key.
const suppressions = createSuppressionList(services.storeClient, services.config.TABLE_NAME);

export const handler = lambdaHandler(services.telemetry, async (event: SNSEvent) =>
  applySesEvents({ suppressions, log: services.log }, event.Records),
);
