// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.practicetext.desktop.DesktopClient;
import org.practicetext.desktop.cache.ChangeBatch;
import org.practicetext.desktop.conversations.Conversations;
import org.practicetext.desktop.directory.PracticeDirectory;
import org.practicetext.desktop.media.Attachments;
import org.practicetext.desktop.messages.Messages;
import org.practicetext.desktop.practice.PracticeAdmin;
import org.practicetext.desktop.requests.Requests;
import org.practicetext.desktop.session.Session;
import org.practicetext.desktop.sync.ConnectionState;

/**
 * A client with no relay and no cache, for view models that need one or two of its parts: the
 * parts given answer, every other throws, and the change batches are the ones the test sends
 * with {@link #send}.
 */
final class StubClient implements DesktopClient {
    private final Attachments attachments;
    private final Requests requests;
    private final List<Consumer<ChangeBatch>> listeners = new CopyOnWriteArrayList<>();

    StubClient(Attachments attachments, Requests requests) {
        this.attachments = attachments;
        this.requests = requests;
    }

    /** The feed applied {@code batch}: every listener hears it (on the thread of the caller). */
    void send(ChangeBatch batch) {
        listeners.forEach(l -> l.accept(batch));
    }

    private static <T> T given(T part) {
        if (part == null) {
            throw new UnsupportedOperationException("not part of this test's client");
        }
        return part;
    }

    @Override
    public Session session() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Conversations conversations() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Messages messages() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Attachments attachments() {
        return given(attachments);
    }

    @Override
    public PracticeDirectory directory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public PracticeAdmin practice() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Requests requests() {
        return given(requests);
    }

    @Override
    public void onConnection(Consumer<ConnectionState> listener) {
    }

    @Override
    public void onChange(Consumer<ChangeBatch> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
    }
}
