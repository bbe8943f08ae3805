// A delivered order nobody disputed within its window counts as confirmed, but nobody writes to it
// when the window passes: this sweep pays the due ones (as confirmOrder does, once each) and so saves
// them confirmed. It reads the due list from its start a page at a time, and stops after `maxPages`
// pages so one run stays bounded; what it leaves, the next run takes first (the list is by due date).
import { ConflictError, RuleViolationError } from '../errors.ts';
import { confirmOrder, type OrderDependencies } from './order-use-cases.ts';
import { isDue } from './order.ts';

export interface DueReport {
  /** Due-list items read. */
  checked: number;
  confirmed: string[];
  /** Refused (the buyer past their credit limit, say): still delivered, tried again next run. */
  refused: string[];
  /** Changed between the listing and the payment (a dispute, a confirmation): nothing to do. */
  skipped: string[];
}

export const duePageSize = 25;
export const dueMaxPages = 40;

export async function confirmDueOrders(
  deps: OrderDependencies,
  options: { maxPages?: number; pageSize?: number } = {},
): Promise<DueReport> {
  const report: DueReport = { checked: 0, confirmed: [], refused: [], skipped: [] };
  const now = deps.now().toISOString();
  let cursor: string | undefined;
  for (let pages = 0; pages < (options.maxPages ?? dueMaxPages); pages++) {
    const page = await deps.orders.duePage(now, { limit: options.pageSize ?? duePageSize, cursor });
    report.checked += page.items.length;
    for (const due of page.items) {
      const order = await deps.orders.getOrder(due.orderId);
      if (!order || !isDue(order, deps.now())) {
        report.skipped.push(due.orderId);
        continue;
      }
      try {
        const { paidNow } = await confirmOrder(deps, order, { by: order.orderedBy, lapsed: true });
        (paidNow ? report.confirmed : report.skipped).push(order.id);
      } catch (error) {
        if (error instanceof RuleViolationError) report.refused.push(order.id);
        else if (error instanceof ConflictError) report.skipped.push(order.id);
        else throw error;
      }
    }
    cursor = page.next;
    if (!cursor) break;
  }
  return report;
}
