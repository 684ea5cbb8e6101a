/** Orders: placing them from the catalog's prices and stock, the order's states and who may move them. */
@OwnsTables({"orders", "order_items"})
package dev.storefn.orders;

import dev.storefn.platform.operation.OwnsTables;
