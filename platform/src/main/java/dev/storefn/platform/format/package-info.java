/** How values are written on the wire and where things are: timestamps in the store's zone, public URLs. */
package dev.storefn.platform.format;
