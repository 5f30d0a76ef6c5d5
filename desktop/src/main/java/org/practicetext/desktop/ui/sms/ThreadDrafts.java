// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.sms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.practicetext.desktop.ui.common.UiSession;

/**
 * The composer's drafts: in memory for instant thread switches, and on disk (the client's
 * cache) so they survive a restart. Writes leave the UI thread through the executor seam;
 * every keystroke queues the newest text per thread and a flush writes whatever is newest under
 * one lock, so an older text can never overwrite a newer one whatever order the flushes run in.
 */
final class ThreadDrafts {
    private final UiSession session;
    private final Map<String, String> inMemory = new HashMap<>();
    private final Map<String, String> unsaved = new LinkedHashMap<>();
    private final Object diskLock = new Object();

    ThreadDrafts(UiSession session) {
        this.session = session;
    }

    /** The draft this session already knows, or null when it must be read from disk. */
    String known(String key) {
        return inMemory.get(key);
    }

    /** Reads a thread's draft from disk (off the UI thread); {@code onLoaded} gets "" when none. */
    void load(String key, Consumer<String> onLoaded) {
        session.tasks().run(() -> session.client().messages().draft(key).orElse(""), onLoaded);
    }

    /** Remembers the text now and writes it to disk soon; blank text removes the draft. */
    void put(String key, String text) {
        inMemory.put(key, text);
        synchronized (unsaved) {
            unsaved.put(key, text);
        }
        session.tasks().run(this::flush);
    }

    private void flush() {
        synchronized (diskLock) {
            Map<String, String> batch;
            synchronized (unsaved) {
                batch = new LinkedHashMap<>(unsaved);
                unsaved.clear();
            }
            batch.forEach((key, text) -> session.client().messages().saveDraft(key, text));
        }
    }
}
