/**
 * The OpenAPI document written from the route table and the operations' records at build time, as the SAM
 * template is; the shop's jar carries the result and {@code GET /schema/} serves it.
 */
package dev.storefn.devtools.docs;
