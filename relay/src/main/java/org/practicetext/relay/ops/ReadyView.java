// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.practicetext.core.WireWord;

/**
 * The answer of {@code GET /ready}: {@code status} ({@code ready} or {@code attention}, 200;
 * {@code not_ready} or {@code stopping}, 503), each check by name, {@code {"ok": true}} or
 * {@code {"ok": false, "detail": "..."}}, and, when the database could be read, the webhook
 * journal's backlog: webhooks recorded and not applied yet ({@code webhooksWaiting}), and those
 * that keep failing to be applied ({@code webhooksFailing}, see the log). A failing webhook
 * makes the status {@code attention}, not unready: another node would fail it the same way.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadyView(Status status, Map<String, Check> checks, Long webhooksWaiting, Long webhooksFailing) {
    public ReadyView(Status status, Map<String, Check> checks) {
        this(status, checks, null, null);
    }

    public ReadyView withBacklog(long waiting, long failing) {
        Status now = status == Status.READY && failing > 0 ? Status.ATTENTION : status;
        return new ReadyView(now, checks, waiting, failing);
    }

    /** The relay's readiness in one word. */
    public enum Status implements WireWord {
        READY("ready"),
        /** Ready, but some verified webhook keeps failing to be applied (see the log). */
        ATTENTION("attention"),
        NOT_READY("not_ready"),
        STOPPING("stopping");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    /** One check's result; {@code detail} says what failed, and is absent when it passed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(boolean ok, String detail) {
    }

    public boolean ready() {
        return status == Status.READY || status == Status.ATTENTION;
    }
}
