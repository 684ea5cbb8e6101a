package dev.storefn.platform.operation;

/**
 * An answer that is not JSON: a page or a file, written as it is with its media type (and, for pages, a
 * content security policy). Adapters that carry text (Lambda) base64-encode what is not text.
 */
public record Document(String mediaType, byte[] content, String contentSecurityPolicy) {

    public static Document file(String mediaType, byte[] content) {
        return new Document(mediaType, content, null);
    }
}
