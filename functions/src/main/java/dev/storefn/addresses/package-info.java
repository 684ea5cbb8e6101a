/** The address book: where a shopper has things shipped, each user's own and bounded in size. */
@OwnsTables("addresses")
package dev.storefn.addresses;

import dev.storefn.platform.operation.OwnsTables;
