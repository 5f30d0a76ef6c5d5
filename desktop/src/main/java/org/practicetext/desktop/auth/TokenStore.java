// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import java.util.Optional;
import org.practicetext.desktop.Account;

/**
 * Where the session token of an account is kept between runs, away from the cache. The default
 * is {@link FileTokenStore}; see docs/decisions/0004-desktop-token-storage.md for why, and for the
 * operating-system keychains that can take its place.
 */
public interface TokenStore {
    Optional<StoredToken> load(Account account);

    void save(Account account, StoredToken token);

    void delete(Account account);
}
