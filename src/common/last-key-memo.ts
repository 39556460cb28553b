// A cache of one entry: the value made for the last key asked for. Work per device that is asked for
// again and again while one device is audited (for every profile, every finding) is made once, and
// nothing of a device outlives the next one. (WeakMaps keyed by devices did the same, but their
// entries made garbage collection dearer: about a tenth of a fleet audit of small configurations.)
export function lastKeyMemo<K extends object, V>(make: (key: K) => V): (key: K) => V {
  let lastKey: K | null = null;
  let lastValue: V | undefined;
  return (key) => {
    if (key !== lastKey) {
      lastValue = make(key);
      lastKey = key;
    }
    return lastValue!;
  };
}
