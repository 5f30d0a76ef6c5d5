// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import java.nio.file.Path;
import java.util.Optional;
import org.practicetext.desktop.RelayException;

/**
 * A message's attachments, each named by the message and its position in the message's media
 * (from 0), as the relay's media endpoints take them. Previews are kept in the cache with the
 * thread (fetched once, in the background as messages with photos arrive, or when one is shown);
 * whole files are fetched when someone opens or saves one and kept on this workstation under a
 * size cap, so both read offline once fetched. All methods may block on disk or network: call
 * them off the FX thread.
 */
public interface Attachments {
    /** The preview the cache holds; empty when it was not fetched yet. No network. */
    Optional<byte[]> cachedPreview(long messageId, int position);

    /** The preview: the cache's, or fetched from the relay now and kept. */
    byte[] preview(long messageId, int position) throws RelayException;

    /** The whole file on this workstation: the one kept from an earlier fetch (offline too), or fetched from the relay now and kept. */
    Path file(long messageId, int position) throws RelayException;

    /** Asks the relay to fetch an unavailable attachment from the carrier again; the outcome arrives through the feed. Needs the relay. */
    void retry(long messageId, int position) throws RelayException;
}
