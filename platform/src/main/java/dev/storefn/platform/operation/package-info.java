/**
 * The operation contract: an operation is a {@code Function} from its input record to its output record,
 * and this package holds what such records and functions may use: the caller, refusals, the binding
 * annotations, pages and uploads. Nothing here is HTTP.
 */
package dev.storefn.platform.operation;
