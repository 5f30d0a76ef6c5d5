// SPDX-License-Identifier: Apache-2.0
package org.practicetext.relay.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per operator act, on its own logger ({@code org.practicetext.relay.admin.audit})
 * so an operator can route it to a file of its own. It names the act, the practice's id and
 * slug and the ids of what changed, and how it was done (the operator API or the CLI on the
 * database): never a phone number, a person's name, a username, a password or a key.
 */
public final class OperatorAudit {
    private static final Logger LOG = LoggerFactory.getLogger("org.practicetext.relay.admin.audit");

    private final String channel;

    private OperatorAudit(String channel) {
        this.channel = channel;
    }

    /** Acts done through the operator API of a running relay. */
    public static OperatorAudit online() {
        return new OperatorAudit("operator API");
    }

    /** Acts done by the CLI on the database, with no relay running. */
    public static OperatorAudit direct() {
        return new OperatorAudit("CLI on the database");
    }

    void record(String act, long practiceId, String slug) {
        LOG.info("operator ({}): {} in practice {} ({})", channel, act, practiceId, slug);
    }

    /** An act on the whole relay, not one practice (a backup). */
    void relayWide(String act) {
        LOG.info("operator ({}): {}", channel, act);
    }

    /** A request to the operator API without the right token; the address only, never what was sent. */
    void refused(String why, String address) {
        LOG.warn("operator API: refused a request from {}: {}", address, why);
    }
}
