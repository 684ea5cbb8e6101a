package dev.storefn.platform.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores and removals of media that follow the database transaction they belong to: an image stored for a
 * change that rolls back is removed again, and an image a change replaces or orphans is removed only once
 * that change has committed, so a failed change never leaves a row pointing at nothing.
 */
@Component
public class MediaChanges {

    private static final Logger log = LoggerFactory.getLogger(MediaChanges.class);

    private final MediaStore store;

    MediaChanges(MediaStore store) {
        this.store = store;
    }

    /** Stores the image now; removes it again if the current transaction rolls back. */
    public String store(ImageFile image, String folder, String name) {
        String stored = store.put(image, folder, name);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        removeQuietly(stored);
                    }
                }
            });
        }
        return stored;
    }

    /** Removes a stored value once the current transaction commits (at once outside one); best effort. */
    public void removeAfterCommit(String stored) {
        if (stored == null || stored.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.remove(stored);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                removeQuietly(stored);
            }
        });
    }

    // The change has committed (or rolled back) already: whatever goes wrong now must not turn it into a failure.
    private void removeQuietly(String stored) {
        try {
            store.remove(stored);
        } catch (RuntimeException e) {
            log.warn("Could not remove the image {}: {}", stored, e.toString());
        }
    }

    public String url(String stored) {
        return store.url(stored);
    }
}
