package dev.storefn.platform.dispatch;

/**
 * Told of every request the dispatcher answered, once it has been answered: where metrics come from, per
 * adapter (a Prometheus registry on the box, metric log lines on Lambda). Must be quick and never throw.
 */
public interface RequestObserver {

    /** For requests that no route took (unknown paths, redirects, wrong methods, preflights). */
    String NO_ROUTE = "none";

    /**
     * @param route  the route table's {@code "METHOD /path/{template}/"}, or {@link #NO_ROUTE}
     * @param status the answer's status
     * @param nanos  from the dispatcher receiving the request to its answer
     */
    void answered(String route, int status, long nanos);
}
