/** The wire model the adapters share: the request as read, the answer as written, query strings, bodies and JSON. */
package dev.storefn.platform.wire;
