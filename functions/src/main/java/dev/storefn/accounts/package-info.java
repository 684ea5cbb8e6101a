/** Accounts and access: registration, sign-in (password and Google), tokens and sessions, and who the caller is. */
package dev.storefn.accounts;
