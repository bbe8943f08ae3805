// The delivery function as Lambda calls it, with the configuration the CDK app gives it: an SQS batch
// in, the messages to keep out as partial batch failures (so the rest of the batch is not sent again).
import { describe, expect, it, onTestFinished } from 'vitest';

describe('the federation-delivery function', () => {
  it('starts from its AWS settings alone and reports a message that is no delivery job as a batch item failure', async () => {
    // Only what the CDK app gives the function: the local stack that browser tests start in this same
    // test process leaves its own settings in process.env (a 10 s store timeout, which AWS refuses).
    const inherited = process.env;
    onTestFinished(() => {
      process.env = inherited;
    });
    process.env = {
      PATH: inherited.PATH,
      TMPDIR: inherited.TMPDIR,
      STAGE: 'aws',
      AWS_REGION: 'eu-west-1',
      PUBLIC_URL: 'https://guildhall.example',
      TABLE_NAME: 'guildhall',
      AUTH_ISSUER: 'https://issuer.example',
      AUTH_AUDIENCE: 'client',
      AUTH_JWKS_URL: 'https://issuer.example/jwks.json',
      FEDERATION_KEY_SECRET: 'guildhall/federation-key',
      FEDERATION_DELIVERY_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/deliveries',
      LOG_LEVEL: 'silent',
    };
    const { handler } = await import('../../../functions/handlers/federation-delivery.ts');
    const record = (messageId: string, body: string) => ({
      messageId,
      receiptHandle: `receipt-${messageId}`,
      body,
      attributes: { ApproximateReceiveCount: '1' },
    });
    const answer = await handler({ Records: [record('m1', 'not json'), record('m2', '{"inbox":"ftp://x"}')] } as never);
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: 'm1' }, { itemIdentifier: 'm2' }] });
  });
});
