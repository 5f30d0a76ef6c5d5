// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.practicetext.core.RequestTexts;

/**
 * The composer's request mode (ADR 0024): after a tool's Insert the text is the request's and Send
 * sends the request; ✕ goes back to the plain text that was there before. Each thread keeps its own
 * request while another thread is open (in memory: the draft on disk stays the plain text, so a
 * restart never leaves a "{link}" in an ordinary message), and a request never follows the person
 * into another thread.
 */
final class ComposerRequestMode {
    private final ReadOnlyObjectWrapper<ComposedRequest> request = new ReadOnlyObjectWrapper<>();
    private final Map<String, Held> held = new HashMap<>();
    private String plainText = "";

    /** A thread's request while another thread is open: the request, the text before it and the text as edited. */
    private record Held(ComposedRequest request, String plainText, String text) {
    }

    ReadOnlyObjectProperty<ComposedRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    boolean active() {
        return request.get() != null;
    }

    /** The text there was before the request (what a draft on disk keeps meanwhile). */
    String plainText() {
        return plainText;
    }

    /** Insert: the composer shows {@code next}'s text. A second request replaces the first; the plain text stays the one before both. */
    String start(ComposedRequest next, String currentText) {
        if (!active()) {
            plainText = currentText == null ? "" : currentText;
        }
        request.set(next);
        return next.body();
    }

    /** ✕: the plain text that was there before. */
    String cancel() {
        request.set(null);
        String before = plainText;
        plainText = "";
        return before;
    }

    /** The request went (or was queued): the composer is empty and plain again. */
    void sent() {
        request.set(null);
        plainText = "";
    }

    /** Leaving a thread: its request (if any) waits for it, and the composer is plain. */
    void leave(String threadKey, String text) {
        if (threadKey != null && active()) {
            held.put(threadKey, new Held(request.get(), plainText, text));
        } else if (threadKey != null) {
            held.remove(threadKey);
        }
        request.set(null);
        plainText = "";
    }

    /** Entering a thread: the text of the request it had, which is active again; empty when it had none. */
    Optional<String> enter(String threadKey) {
        Held back = threadKey == null ? null : held.remove(threadKey);
        if (back == null) {
            return Optional.empty();
        }
        plainText = back.plainText();
        request.set(back.request());
        return Optional.of(back.text());
    }

    /** What the line under the text says in request mode: where the link goes. */
    static String linkHint(String body) {
        return body != null && body.toLowerCase(java.util.Locale.ROOT).contains(RequestTexts.LINK)
                ? RequestTexts.LINK + " is where the patient's link goes."
                : "There is no " + RequestTexts.LINK + " in the text: the link goes after it.";
    }
}
