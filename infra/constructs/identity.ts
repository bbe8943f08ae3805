// Who people are: a Cognito user pool with its hosted sign-in, and the site's app client (code flow
// with PKCE). Passwords: at least 12 characters of four kinds; a second factor (an authenticator
// app) is offered, not required.
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolClient,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface IdentityProps {
  /** Prefix of the hosted sign-in domain: https://<prefix>.auth.<region>.amazoncognito.com */
  domainPrefix: string;
  publicUrl: string;
}

export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** The issuer every accepted token names. */
  readonly issuer: string;
  readonly hostedUiUrl: string;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Created in the stack's scope, so the pool keeps the logical id it has always had: a new id
    // would replace it, and everyone's account with it.
    this.userPool = new UserPool(stack, 'People', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      standardAttributes: { fullname: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.userPool, {
      'AwsSolutions-COG2':
        'A second factor is offered (authenticator app), not required: the commons is open to anyone with an email address, and a required device would shut out people without one.',
      'AwsSolutions-COG8':
        'The Plus feature plan (threat protection) costs per active user; the API rate-limits writes per person and WAF limits requests per IP instead.',
    });
    // The hosted sign-in the site sends people to; the site exchanges the code (PKCE) at /auth/callback.
    this.domain = this.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.client = new UserPoolClient(stack, 'SiteClient', {
      userPool: this.userPool,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.publicUrl}/auth/callback`],
        logoutUrls: [`${props.publicUrl}/`],
      },
      preventUserExistenceErrors: true,
    });
    this.issuer = `https://cognito-idp.${stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.hostedUiUrl = `https://${this.domain.domainName}.auth.${stack.region}.amazoncognito.com`;
  }
}
