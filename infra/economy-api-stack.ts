// GuildhallEconomyApi: the API's functions for the co-operative economy: `innovations-api` (the
// innovation registry, adoptions, value reports and settlements), `ledger-api` (the Bound ledger's
// statements and credit limits, and the registry log, whose heads it signs), `bound-api` (payments, payment requests, the economy's
// figures), `market-api` (offers and wants, best matches, the skills picker, email preferences) and `decisions-api`
// (proposals, votes, and what they enact). Each is its own function so its bundle carries only its
// routes' code (ARCHITECTURE.md says why each split was made).
import type { Construct } from 'constructs';
import { ApiStack, type ApiStackProps } from './api-stack.ts';

export class EconomyApiStack extends ApiStack {
  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    this.groupFunction(
      'innovations-api',
      'InnovationsApi',
      'functions/handlers/innovations-api.ts',
      'Guildhall API: innovations, adoptions, value reports and settlements',
    );
    // It signs the registry log's heads it serves.
    this.groupFunction(
      'ledger-api',
      'LedgerApi',
      'functions/handlers/ledger-api.ts',
      'Guildhall API: ledger (statements, credit limits) and the registry log',
    );
    // It signs the heads its payments append to the registry log.
    this.groupFunction(
      'bound-api',
      'BoundApi',
      'functions/handlers/bound-api.ts',
      'Guildhall API: Bound payments and payment requests',
    );
    // It also keeps a person's email preferences and answers the one-click unsubscribe, whose links the
    // email link key signs (moved from people-api for its bundle's room: market-group.ts).
    this.groupFunction(
      'market-api',
      'MarketApi',
      'functions/handlers/market-api.ts',
      'Guildhall API: the marketplace (offers and wants)',
      { secrets: { ...this.signs(), EMAIL_LINK_KEY_SECRET: props.foundation.emailLinkKey } },
    );
    this.groupFunction(
      'decisions-api',
      'DecisionsApi',
      'functions/handlers/decisions-api.ts',
      'Guildhall API: proposals, votes and what they enact',
    );
  }
}
