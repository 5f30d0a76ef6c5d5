// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.practicetext.desktop.Account;
import org.practicetext.desktop.secrets.SecretStore;
import org.practicetext.protocol.Json;

/**
 * Tokens in the desk's {@link SecretStore} (ADR 0026, which supersedes ADR 0004's file), as
 * {@code <account>.token} holding {@code {"token", "expiresAt"}}. A token file left by an earlier
 * version ({@link FileTokenStore}) is read once, moved into the store and deleted.
 */
public final class SecretTokenStore implements TokenStore {
    private static final String SUFFIX = ".token";

    private final SecretStore store;
    private final FileTokenStore legacy;
    private final ObjectMapper json = Json.mapper();

    public SecretTokenStore(SecretStore store, FileTokenStore legacy) {
        this.store = store;
        this.legacy = legacy;
    }

    @Override
    public Optional<StoredToken> load(Account account) {
        Optional<byte[]> kept = store.read(account.key() + SUFFIX);
        if (kept.isPresent()) {
            try {
                return Optional.of(json.readValue(kept.get(), StoredToken.class));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        Optional<StoredToken> old = legacy.load(account);
        if (old.isPresent()) {
            save(account, old.get());
            legacy.delete(account);
        }
        return old;
    }

    @Override
    public void save(Account account, StoredToken token) {
        try {
            store.write(account.key() + SUFFIX, json.writeValueAsBytes(token));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the sign-in token", e);
        }
        legacy.delete(account);
    }

    @Override
    public void delete(Account account) {
        store.delete(account.key() + SUFFIX);
        legacy.delete(account);
    }
}
