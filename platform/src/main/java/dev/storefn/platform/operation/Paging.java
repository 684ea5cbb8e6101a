package dev.storefn.platform.operation;

/**
 * The optional {@code page} and {@code page_size} of a list route, bound by the platform from the query.
 * When neither is given a list answers as a bare array, as the original's lists do.
 */
public record Paging(Integer page, Integer pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    public static final Paging NONE = new Paging(null, null);

    public boolean requested() {
        return page != null || pageSize != null;
    }

    public int number() {
        return page == null ? 1 : page;
    }

    public int size() {
        return pageSize == null ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
    }

    /** Rows to skip; a page beyond any possible list is refused as DRF refuses it. */
    public int offset() {
        long offset = (long) (number() - 1) * size();
        if (offset > Integer.MAX_VALUE) {
            throw Refusal.detail(Refusal.Kind.NOT_FOUND, "Invalid page.");
        }
        return (int) offset;
    }
}
