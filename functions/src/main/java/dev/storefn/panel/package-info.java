/** The staff panel: managing users, and the shop's dashboard and reports. */
package dev.storefn.panel;
