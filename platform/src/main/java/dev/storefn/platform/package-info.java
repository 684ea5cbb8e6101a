/**
 * What every operation shares, by concern: the operation contract ({@code operation}), binding inputs
 * ({@code binding}), the wire model ({@code wire}), routes, access, the dispatcher, the database, calls to
 * providers off the box and the actions a change asks of them ({@code provider}: nothing off the box is called
 * inside a transaction), media, formats and the API documents.
 */
package dev.storefn.platform;
