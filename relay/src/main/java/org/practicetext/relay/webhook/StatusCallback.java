// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.webhook;

import java.util.List;
import java.util.Map;
import org.practicetext.relay.refusal.Refusal;

/** The fields of Twilio's status callback that the relay uses, validated. */
public record StatusCallback(String sid, String status, Integer errorCode) {

    public static StatusCallback from(Map<String, List<String>> form) {
        String sid = InboundSms.required(form, "MessageSid");
        if (!InboundSms.SID.matcher(sid).matches()) {
            throw Refusal.invalid("MessageSid must be SM or MM followed by 32 hexadecimal characters.");
        }
        String status = InboundSms.required(form, "MessageStatus").toLowerCase(java.util.Locale.ROOT);
        if (!status.matches("[a-z_]{1,24}")) {
            throw Refusal.invalid("MessageStatus is not a status word.");
        }
        Integer errorCode = null;
        String code = InboundSms.first(form, "ErrorCode");
        if (code != null && !code.isBlank()) {
            try {
                errorCode = Integer.valueOf(code.strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("ErrorCode must be a number.");
            }
        }
        return new StatusCallback(sid, status, errorCode);
    }
}
