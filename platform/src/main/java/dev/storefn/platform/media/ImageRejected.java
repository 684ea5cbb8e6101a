package dev.storefn.platform.media;

/** Why a file is not accepted as an image, in words for the person who sent it. */
public final class ImageRejected extends Exception {

    ImageRejected(String message) {
        super(message, null, false, false);
    }
}
