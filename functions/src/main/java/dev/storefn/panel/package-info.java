/** The staff panel: managing users, and the shop's dashboard and reports. */
@OwnsTables({})
package dev.storefn.panel;

import dev.storefn.platform.operation.OwnsTables;
