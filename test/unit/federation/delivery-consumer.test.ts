// The delivery consumer in AWS (SQS): what happens to each message of a batch after its try, by the
// same retry decision the in-process queue makes. A message it keeps is reported as a partial batch
// failure: SQS gives it back when its hiding ends, and its redrive parks it after the last try.
import { describe, expect, it } from 'vitest';
import { consumeDeliveries, type DeliveryConsumerDeps, type QueuedDelivery } from '#app/federation-delivery.ts';
import { createSqsDeliveryQueue } from '#adapters/queue/sqs-delivery-queue.ts';
import type { QueueMessage } from '#adapters/queue/sqs-sender.ts';
import {
  type DeliveryJob,
  deliveryJobSchema,
  deliveryRetryPolicy,
  PermanentDeliveryError,
} from '#domain/federation/delivery.ts';
import { createLogger } from '#platform/log.ts';
import { federationServices } from '#app/federation-services.ts';
import { fakeServices } from '../../support/services.ts';

const job = (inbox = 'https://peer.example/inbox'): DeliveryJob => ({
  inbox,
  signer: 'riverside-builders',
  activity: { id: 'https://guildhall.test/a/1', type: 'Accept', actor: 'https://guildhall.test/g' },
  attempt: 0,
});

const message = (id: string, body: unknown, receiveCount = 1): QueuedDelivery => ({
  messageId: id,
  receiptHandle: `receipt-${id}`,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  receiveCount,
});

function consumer(deliver: DeliveryConsumerDeps['deliver'], hide?: DeliveryConsumerDeps['retryLater']) {
  const sent: DeliveryJob[] = [];
  const hidden: Array<[string, number]> = [];
  const deps: DeliveryConsumerDeps = {
    deliver: async (j) => {
      sent.push(j);
      await deliver(j);
    },
    policy: deliveryRetryPolicy,
    retryLater: hide ?? (async (receipt, seconds) => void hidden.push([receipt, seconds])),
    log: createLogger('silent'),
    random: () => 0,
  };
  return { deps, sent, hidden };
}

describe('the delivery consumer', () => {
  it('sends every job of a batch, numbering each try by the message’s receive count, and keeps none that went', async () => {
    const { deps, sent } = consumer(async () => {});
    const kept = await consumeDeliveries(deps, [message('m1', job()), message('m2', job('https://b.example/in'), 3)]);
    expect(kept).toEqual([]);
    expect(sent.map((j) => [j.inbox, j.attempt])).toEqual([
      ['https://peer.example/inbox', 1],
      ['https://b.example/in', 3],
    ]);
    expect(sent[0]?.activity).toEqual(job().activity);
  });

  it('hides a failed delivery for its backoff and keeps it, so SQS tries it again then', async () => {
    const { deps, hidden } = consumer(async () => {
      throw new Error('peer answered 503');
    });
    expect(await consumeDeliveries(deps, [message('m1', job()), message('m2', job(), 4)])).toEqual(['m1', 'm2']);
    // 30 s doubling, the lower half of each step with random 0: 15 s after the first try, 120 s after the fourth.
    expect(hidden).toEqual([
      ['receipt-m1', 15],
      ['receipt-m2', 120],
    ]);
  });

  it('keeps only the failed messages of a batch, so the ones delivered are not sent twice', async () => {
    const { deps } = consumer(async (j) => {
      if (j.inbox.includes('down')) throw new Error('timeout');
    });
    const kept = await consumeDeliveries(deps, [
      message('up', job('https://up.example/inbox')),
      message('down', job('https://down.example/inbox')),
    ]);
    expect(kept).toEqual(['down']);
  });

  it('drops a delivery the peer refused for good, without hiding it or parking it', async () => {
    const { deps, hidden } = consumer(async () => {
      throw new PermanentDeliveryError('https://peer.example/inbox answered 410');
    });
    expect(await consumeDeliveries(deps, [message('m1', job())])).toEqual([]);
    expect(hidden).toEqual([]);
  });

  it('keeps a delivery that failed its last try without hiding it, for the queue’s redrive to park at once', async () => {
    const { deps, hidden } = consumer(async () => {
      throw new Error('peer down');
    });
    const last = deliveryRetryPolicy.maxAttempts;
    expect(await consumeDeliveries(deps, [message('m1', job(), last)])).toEqual(['m1']);
    expect(hidden).toEqual([]);
  });

  it('keeps a delivery whose retry could not be delayed, rather than losing it', async () => {
    const { deps } = consumer(
      async () => {
        throw new Error('peer down');
      },
      async () => {
        throw new Error('SQS unavailable');
      },
    );
    expect(await consumeDeliveries(deps, [message('m1', job())])).toEqual(['m1']);
  });

  it.each([
    ['not JSON', 'Accept please'],
    ['an inbox that is not http(s)', { ...job(), inbox: 'file:///etc/passwd' }],
    ['no activity id', { ...job(), activity: { type: 'Accept' } }],
    ['no signer', { ...job(), signer: '' }],
  ])('sends nothing for a message with %s, and keeps it for the dead-letter queue', async (_, body) => {
    const { deps, sent } = consumer(async () => {});
    expect(await consumeDeliveries(deps, [message('bad', body)])).toEqual(['bad']);
    expect(sent).toEqual([]);
  });
});

describe('the SQS delivery queue', () => {
  it('queues a job as one message of a standard queue that the consumer reads back as the same job', async () => {
    const messages: QueueMessage[] = [];
    const queue = createSqsDeliveryQueue(async (batch) => void messages.push(...batch));
    await queue.enqueue(job());
    expect(messages).toHaveLength(1);
    expect(messages[0]?.groupId).toBeUndefined();
    expect(deliveryJobSchema().parse(JSON.parse(messages[0]?.body ?? ''))).toEqual(job());
  });
});

describe('the federation function’s delivery queue', () => {
  it('refuses to run deliveries in process in AWS, where a frozen instance would lose their retries', () => {
    // AWS's signing key is a secret; the one of a machine stands in for it.
    const { signer } = fakeServices();
    const services = fakeServices({ signer }, { STAGE: 'aws', FEDERATION_DELIVERY_QUEUE_URL: undefined });
    expect(() => federationServices(services)).toThrow(/FEDERATION_DELIVERY_QUEUE_URL: required in AWS/);
    const queued = fakeServices(
      { signer },
      { STAGE: 'aws', FEDERATION_DELIVERY_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/1/deliveries' },
    );
    expect(federationServices(queued).deliveries).not.toHaveProperty('idle');
  });
});
