/** The product catalog: browsing and searching products, and how product images are addressed. */
package dev.storefn.catalog;
