package dev.storefn.platform;

/** A response body that is not JSON (the API docs page): written as it is, with its own content type. */
public record TextBody(String contentType, String content) {
}
