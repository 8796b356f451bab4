/** A plot's points: x in seconds since the epoch (as uPlot wants), y the running total. */
export type Series = [number[], number[]];

/** Adds a point; one per second of wall time is plenty, so a later value in the same second replaces it. */
export function push(series: Series, at: number, value: number): void {
  const x = Math.floor(at / 1000);
  const last = series[0].length - 1;
  if (last >= 0 && series[0][last] === x) series[1][last] = value;
  else {
    series[0].push(x);
    series[1].push(value);
  }
}
