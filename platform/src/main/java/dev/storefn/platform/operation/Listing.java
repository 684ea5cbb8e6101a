package dev.storefn.platform.operation;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a list operation returns: every item (a bare JSON array on the wire) or one page of them (the
 * {@code {count, next, previous, results}} envelope, whose links the platform writes). A list that may outgrow
 * the heap is {@link #streamed}: its items are produced while the answer is written, and never all held at once.
 */
public record Listing<T>(List<T> items, long count, Paging paging, Source<T> source) {

    /** Items produced one by one, each handed over as soon as it is read; called when the answer is written. */
    @FunctionalInterface
    public interface Source<T> {
        void forEach(Consumer<? super T> each);
    }

    public Listing {
        items = List.copyOf(items);
    }

    public static <T> Listing<T> all(List<T> items) {
        return new Listing<>(items, items.size(), Paging.NONE, null);
    }

    /** Every item, as a bare array written while {@code source} produces them. */
    public static <T> Listing<T> streamed(Source<T> source) {
        return new Listing<>(List.of(), -1, Paging.NONE, source);
    }

    /** One page of {@code count} items; an empty page past the first is refused with DRF's "Invalid page.". */
    public static <T> Listing<T> page(List<T> items, long count, Paging paging) {
        if (items.isEmpty() && paging.number() > 1) {
            throw Refusal.detail(Refusal.Kind.NOT_FOUND, "Invalid page.");
        }
        return new Listing<>(items, count, paging, null);
    }

    public boolean paged() {
        return paging.requested();
    }

    public boolean hasNext() {
        return paging.requested() && (long) paging.offset() + items.size() < count;
    }
}
