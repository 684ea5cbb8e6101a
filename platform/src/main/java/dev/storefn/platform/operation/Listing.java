package dev.storefn.platform.operation;

import java.util.List;

/**
 * What a list operation returns: every item (a bare JSON array on the wire) or one page of them (the
 * {@code {count, next, previous, results}} envelope, whose links the platform writes).
 */
public record Listing<T>(List<T> items, long count, Paging paging) {

    public Listing {
        items = List.copyOf(items);
    }

    public static <T> Listing<T> all(List<T> items) {
        return new Listing<>(items, items.size(), Paging.NONE);
    }

    /** One page of {@code count} items; an empty page past the first is refused with DRF's "Invalid page.". */
    public static <T> Listing<T> page(List<T> items, long count, Paging paging) {
        if (items.isEmpty() && paging.number() > 1) {
            throw Refusal.detail(Refusal.Kind.NOT_FOUND, "Invalid page.");
        }
        return new Listing<>(items, count, paging);
    }

    public boolean paged() {
        return paging.requested();
    }

    public boolean hasNext() {
        return paging.requested() && (long) paging.offset() + items.size() < count;
    }
}
