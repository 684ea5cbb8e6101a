/** {@code import-products}: a catalog file read, checked and written through the catalog's own operations, with progress. */
package dev.storefn.devtools.catalog;
