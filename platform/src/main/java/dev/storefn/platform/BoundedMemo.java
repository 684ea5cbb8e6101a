package dev.storefn.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values remembered by key for the hot path, at most {@code limit} of them: when full it starts over rather than
 * tracking which entry is oldest, which suits keys that are few (the peers in front of the shop) or that repeat
 * for a while and then lapse (a caller's token).
 */
public final class BoundedMemo<K, V> {

    private final Map<K, V> values = new ConcurrentHashMap<>();
    private final int limit;

    public BoundedMemo(int limit) {
        this.limit = limit;
    }

    /** The value remembered for {@code key}, or null. */
    public V get(K key) {
        return values.get(key);
    }

    public void put(K key, V value) {
        if (values.size() >= limit) {
            values.clear();
        }
        values.put(key, value);
    }

    public int size() {
        return values.size();
    }
}
