/** Access: who may call a route, how callers are authenticated from their credentials, and rate limits. */
package dev.storefn.platform.access;
