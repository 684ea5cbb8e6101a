/** The executable around the functions: the web adapter, the command line and the embedded PostgreSQL default. */
package dev.storefn.runner;
