package dev.storefn.platform.operation;

/** An answer that is not JSON (the API docs page), written as it is with its media type and content security policy. */
public record TextDocument(String mediaType, String text, String contentSecurityPolicy) {
}
