/** Accounts and access: registration, sign-in (password and Google), tokens and sessions, and who the caller is. */
@OwnsTables({"users", "revoked_sessions"})
package dev.storefn.accounts;

import dev.storefn.platform.operation.OwnsTables;
