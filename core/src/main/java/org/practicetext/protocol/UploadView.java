// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

import org.practicetext.core.MediaDelivery;

/**
 * A file uploaded to be sent ({@link Endpoints#UPLOAD}), as the relay will send it: its name, its
 * true type and size (after a large photo was scaled down), a photo's pixels, and how it will
 * reach the patient on its own ({@code delivery}; several photos together may still go as a link
 * when they pass the MMS limit of 5 MB).
 */
public record UploadView(String id, String fileName, String contentType, long size, Integer width, Integer height, MediaDelivery delivery) {
    /** The error code of a send whose upload the relay no longer has (404; it keeps one a day): upload the file again. */
    public static final String GONE = "upload_gone";
}
