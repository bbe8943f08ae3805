// Exact decimals from integer minor units. Amounts are kept as integers (Bound in hundredths, as a
// bigint) and become a decimal only where a person or a spreadsheet reads them, never through a float.

/** `minor` units of 10^-scale: Bound has scale 2, so { minor: -1250n, scale: 2 } is -12.50. */
export interface Decimal {
  readonly minor: bigint;
  readonly scale: number;
}

export function decimal(minor: bigint, scale: number): Decimal {
  if (!Number.isInteger(scale) || scale < 0 || scale > 30) throw new RangeError(`Bad decimal scale ${scale}.`);
  return { minor, scale };
}

/** The decimal in plain digits with a leading minus when negative, exact at any size: -1234n, 2 → "-12.34". */
export function decimalText({ minor, scale }: Decimal): string {
  const sign = minor < 0n ? '-' : '';
  const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
  if (scale === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
