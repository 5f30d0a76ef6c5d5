// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.sync;

import java.time.Instant;

/**
 * What the status line says. {@code applied}/{@code total} count events while catching up;
 * {@code waitingToSend} counts outbox items not yet accepted; {@code lastSyncedAt} is when the
 * cache last matched the relay; {@code detail} says why when offline or signed out. TOO_OLD: the
 * relay serves only newer desks (426); sync has stopped until a newer version is installed, the
 * cache stays readable, the outbox keeps its items and the sign-in is kept for that version.
 */
public record ConnectionState(Kind kind, Instant lastSyncedAt, long applied, long total, int waitingToSend, String detail) {

    public enum Kind { CONNECTING, ONLINE, CATCHING_UP, OFFLINE, SIGNED_OUT, TOO_OLD }
}
