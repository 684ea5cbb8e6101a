/** Binding: reading an operation's input record from a request, converting and checking every component in one place. */
package dev.storefn.platform.binding;
