/**
 * A pure function of a string with its answers kept: for lookups asked again and again with the
 * same few hundred keys (names, language tags, region codes, JSON texts). The map is emptied when
 * it reaches `limit`, so odd keys cannot make it grow without end.
 */
export function remembered<T>(compute: (key: string) => T, limit = 20_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}
