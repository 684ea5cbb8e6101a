package dev.storefn.platform.operation;

/** A file sent in a {@code multipart/form-data} body: its part name, the client's file name and type, and the bytes. */
public record Upload(String fieldName, String fileName, String contentType, byte[] content) {

    public long size() {
        return content.length;
    }
}
