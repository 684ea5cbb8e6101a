package dev.storefn.platform.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import dev.storefn.platform.format.PublicUrls;

/** Images as files under the media root, served under {@code /media/} (by the runner, by nginx in production). */
final class LocalMediaStore implements MediaStore {

    private final Path root;
    private final PublicUrls urls;

    LocalMediaStore(Path root, PublicUrls urls) {
        this.root = root;
        this.urls = urls;
    }

    @Override
    public String put(ImageFile image, String folder, String name) {
        String relative = folder + "/" + name + "." + image.format().extension();
        Path file = inside(relative);
        if (file == null) {
            throw new IllegalArgumentException("Not a name under the media root: " + relative);
        }
        try {
            Files.createDirectories(file.getParent());
            // Written aside and moved in, so /media/ never serves half a file. Created as any new file is, under
            // the process's umask (createTempFile would make it owner-only, and nginx, in storefn's group, could
            // not read it).
            Path partial = file.resolveSibling(".upload-" + UUID.randomUUID() + ".part");
            try {
                Files.write(partial, image.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + file, e);
        }
        return relative;
    }

    @Override
    public void remove(String stored) {
        if (stored == null || stored.isEmpty() || MediaStore.isUrl(stored)) {
            return;
        }
        Path file = inside(stored);
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + file, e);
        }
    }

    @Override
    public String url(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        return MediaStore.isUrl(stored) ? stored : urls.media(stored);
    }

    Path root() {
        return root;
    }

    /** The file a stored path names, or null when the path would lead out of the media root. */
    private Path inside(String relative) {
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) && !file.equals(root) ? file : null;
    }
}
