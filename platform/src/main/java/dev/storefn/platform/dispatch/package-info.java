/** The dispatcher and its parts: one request through the route table, from the wire request to the wire answer. */
package dev.storefn.platform.dispatch;
