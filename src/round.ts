/** `x` rounded to `digits` decimals (3 by default): the one rounding of numbers shown in reports. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
