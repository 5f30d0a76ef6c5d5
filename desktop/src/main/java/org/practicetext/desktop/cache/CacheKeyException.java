// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.cache;

import java.nio.file.Path;

/** The cache file is encrypted with a key other than the one given (or none was given): the secret store lost this account's key. */
public final class CacheKeyException extends CacheException {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public CacheKeyException(Path folder) {
        super("The local cache in " + folder + " does not open with this workstation's key.", null);
    }
}
