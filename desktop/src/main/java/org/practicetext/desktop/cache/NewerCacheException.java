// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.nio.file.Path;

/**
 * The cache was written by a newer PracticeText whose outbox this version cannot read. Nothing
 * was changed: the user updates the app (or deletes the folder, losing unsent messages).
 */
public final class NewerCacheException extends CacheException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public NewerCacheException(Path folder, Throwable cause) {
        super("This computer's message cache was written by a newer version of PracticeText, and it holds work this version "
                + "cannot read. Install the newer version again. (To start over instead, delete " + folder
                + "; messages not yet sent from this computer would be lost.)", cause);
    }
}
