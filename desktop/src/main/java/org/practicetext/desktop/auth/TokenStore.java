// SPDX-License-Identifier: Apache-2.0
package org.practicetext.desktop.auth;

import java.util.Optional;
import org.practicetext.desktop.Account;

/**
 * Where the session token of an account is kept between runs, away from the cache: the desk's
 * secret store ({@link SecretTokenStore}, ADR 0026), which took the place of ADR 0004's
 * {@link FileTokenStore}.
 */
public interface TokenStore {
    Optional<StoredToken> load(Account account);

    void save(Account account, StoredToken token);

    void delete(Account account);
}
