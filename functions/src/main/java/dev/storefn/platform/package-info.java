/**
 * What every operation shares, by concern: the operation contract ({@code operation}), binding inputs
 * ({@code binding}), the wire model ({@code wire}), routes, access, the dispatcher, the database, formats and
 * the API documents.
 */
package dev.storefn.platform;
