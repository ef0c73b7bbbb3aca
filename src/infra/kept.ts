// Results worked out from two keys and kept, for hot read paths: a name built
// anew at every request is flattened and hashed again at every lookup, and an
// HMAC computed again; a kept one is not.

/**
 * `make(a, b)`, kept: the same result for the same pair, at most `limit`
 * results, all dropped (and made again when asked) once that many are kept.
 */
export function keptByPair<A, B, V>(limit: number, make: (a: A, b: B) => V): (a: A, b: B) => V {
  let byFirst = new Map<A, Map<B, V>>();
  let count = 0;
  return (a, b) => {
    let bySecond = byFirst.get(a);
    const known = bySecond?.get(b);
    if (known !== undefined) return known;
    if (count >= limit) {
      byFirst = new Map();
      count = 0;
      bySecond = undefined;
    }
    if (!bySecond) byFirst.set(a, (bySecond = new Map()));
    const made = make(a, b);
    bySecond.set(b, made);
    count++;
    return made;
  };
}
