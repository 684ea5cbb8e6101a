/** What every operation shares: the route table, the dispatcher that runs a request through it, errors, JSON and the database. */
package dev.storefn.platform;
