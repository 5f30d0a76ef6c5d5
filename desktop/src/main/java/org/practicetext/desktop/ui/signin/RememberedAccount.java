// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.ui.signin;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.practicetext.desktop.Account;

/**
 * The account this workstation signed in to last (relay, practice, username — never the
 * password), so the next start resumes it without asking. Sign-out forgets it.
 */
public final class RememberedAccount {
    private final Path file;

    public RememberedAccount(Path file) {
        this.file = file;
    }

    public Optional<Account> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String relay = p.getProperty("relay");
        String practice = p.getProperty("practice");
        String username = p.getProperty("username");
        if (relay == null || practice == null || username == null) {
            return Optional.empty();
        }
        return Optional.of(new Account(URI.create(relay), practice, username));
    }

    public void save(Account account) {
        Properties p = new Properties();
        p.setProperty("relay", account.relayUrl().toString());
        p.setProperty("practice", account.practice());
        p.setProperty("username", account.username());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "PracticeText: the account to resume");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
