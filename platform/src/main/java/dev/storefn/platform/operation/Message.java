package dev.storefn.platform.operation;

/** The original's acknowledgement body: {@code {"message": "Added to cart"}}. */
public record Message(String message) {
}
