// CloudFront's side of the one header set in functions/http/security-headers.ts. Attached to every
// behaviour, it covers what no function answers: hashed assets from S3, and what API Gateway answers
// by itself (the JWT authorizer's 401, throttling's 429). It adds HSTS, since CloudFront is the https
// front door. A page's own Content-Security-Policy (with its hashes) is kept; a response without one
// gets the data policy.
import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, type ResponseHeadersPolicyProps } from 'aws-cdk-lib/aws-cloudfront';
import {
  commonSecurityHeaders,
  dataContentSecurityPolicy,
  strictTransportSecurity,
} from '../functions/http/security-headers.ts';

function member<T extends string>(values: Record<string, T>, value: string, header: string): T {
  const found = Object.values(values).find((candidate) => candidate === value);
  if (!found) throw new Error(`CloudFront cannot send ${header}: ${value}`);
  return found;
}

/** The policy's properties, from the shared header set; a header CloudFront cannot express fails the synth. */
export function securityHeadersPolicyProps(
  headers: Readonly<Record<string, string>> = commonSecurityHeaders,
): ResponseHeadersPolicyProps {
  const {
    'x-content-type-options': nosniff,
    'x-frame-options': frame,
    'referrer-policy': referrer,
    ...custom
  } = headers;
  if (nosniff !== 'nosniff') throw new Error(`CloudFront cannot send x-content-type-options: ${nosniff}`);
  if (frame === undefined || referrer === undefined)
    throw new Error('the shared set lacks x-frame-options or referrer-policy');
  return {
    comment: 'Guildhall security headers (functions/http/security-headers.ts)',
    securityHeadersBehavior: {
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: member(HeadersFrameOption, frame, 'x-frame-options'), override: true },
      referrerPolicy: { referrerPolicy: member(HeadersReferrerPolicy, referrer, 'referrer-policy'), override: true },
      // A page's policy lists its own hashes: keep it. Assets and API Gateway's own answers get the data policy.
      contentSecurityPolicy: { contentSecurityPolicy: dataContentSecurityPolicy, override: false },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(strictTransportSecurity.maxAgeSeconds),
        includeSubdomains: strictTransportSecurity.includeSubDomains,
        override: true,
      },
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(custom).map(([header, value]) => ({ header, value, override: true })),
    },
  };
}
