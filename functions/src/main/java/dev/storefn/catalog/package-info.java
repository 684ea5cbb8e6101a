/** The product catalog: browsing and searching products, and how product images are addressed. */
@OwnsTables("products")
package dev.storefn.catalog;

import dev.storefn.platform.operation.OwnsTables;
