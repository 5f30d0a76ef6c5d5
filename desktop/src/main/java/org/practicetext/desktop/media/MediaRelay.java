// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.media;

import java.nio.file.Path;
import org.practicetext.desktop.RelayException;
import org.practicetext.desktop.net.RelayApi;
import org.practicetext.protocol.Endpoints;

/** The relay's media endpoints, the edge of the world for {@link LiveAttachments} (tests put a fake relay here). */
public interface MediaRelay {
    byte[] preview(long messageId, int position) throws RelayException;

    /** Writes the file's bytes into {@code into}; answers its content type. */
    String download(long messageId, int position, Path into) throws RelayException;

    void retry(long messageId, int position) throws RelayException;

    /** The endpoints as the live client calls them. */
    static MediaRelay over(RelayApi api) {
        return new MediaRelay() {
            @Override
            public byte[] preview(long messageId, int position) throws RelayException {
                return api.bytes(Endpoints.MEDIA_PREVIEW.at(messageId, position));
            }

            @Override
            public String download(long messageId, int position, Path into) throws RelayException {
                return api.download(Endpoints.MEDIA_FILE.at(messageId, position), into);
            }

            @Override
            public void retry(long messageId, int position) throws RelayException {
                api.call(Endpoints.MEDIA_RETRY.at(messageId, position), (String) null);
            }
        };
    }
}
