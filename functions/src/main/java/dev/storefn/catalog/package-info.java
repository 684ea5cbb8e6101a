/** The product catalog: browsing and searching products, staff managing them and their images, and the catalog import. */
@OwnsTables({"products", "catalog_version"})
package dev.storefn.catalog;

import dev.storefn.platform.operation.OwnsTables;
