// SPDX-License-Identifier: Apache-2.0
package org.practicetext.protocol;

/** The JSON shape of every error the relay returns: {@code {"error":{"code","message"}}}. */
public record ErrorResponse(Detail error) {
    public record Detail(String code, String message) {
    }

    public static ErrorResponse of(String code, String message) {
        return new ErrorResponse(new Detail(code, message));
    }
}
