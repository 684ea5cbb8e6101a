/** Routes: what a route declares, and how a request's method and path find one. The table itself is {@code dev.storefn.RouteTable}. */
package dev.storefn.platform.routes;
