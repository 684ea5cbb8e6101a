/** {@code /metrics} on the box: per-route latency, the connection pool, provider actions and the JVM, for Prometheus. */
package dev.storefn.runner.metrics;
