/**
 * The command line of {@code storefn.jar}: {@code serve} (the default), {@code migrate}, {@code create-staff},
 * {@code import-products} and {@code invoke}, the runner's settings, and the one line a failed start ends with.
 */
package dev.storefn.runner.cli;
