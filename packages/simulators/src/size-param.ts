/** Reads an integer size parameter; `undefined` when absent, `NaN` when not an integer. */
export function readIntParam(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

export function inRange(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}
