// SPDX-License-Identifier: Apache-2.0
package org.practicetext.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTest {
    @Test
    void adminMayManageSettings() {
        assertThat(Role.ADMIN.allows(Permission.SETTINGS_MANAGE)).isTrue();
    }

    @Test
    void adminHasEveryPermission() {
        assertThat(Role.ADMIN.permissions()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void staffMayNotManageSettings() {
        assertThat(Role.STAFF.allows(Permission.SETTINGS_MANAGE)).isFalse();
    }

    @Test
    void staffMaySendTexts() {
        assertThat(Role.STAFF.allows(Permission.SMS_SEND)).isTrue();
    }

    @Test
    void staffMayAssignConversations() {
        assertThat(Role.STAFF.allows(Permission.SMS_ASSIGN)).isTrue();
    }

    @Test
    void staffMayBlockContacts() {
        assertThat(Role.STAFF.allows(Permission.CONTACTS_BLOCK)).isTrue();
    }

    @Test
    void staffMayReadConversations() {
        assertThat(Role.STAFF.allows(Permission.SMS_VIEW)).isTrue();
    }

    @Test
    void viewerMayOnlyReadConversations() {
        assertThat(Role.VIEWER.permissions()).containsExactly(Permission.SMS_VIEW);
    }

    @Test
    void viewerMayNotSendTexts() {
        assertThat(Role.VIEWER.allows(Permission.SMS_SEND)).isFalse();
    }

    @Test
    void aRolesPermissionsCannotBeChangedFromOutside() {
        assertThat(Role.VIEWER.permissions()).isUnmodifiable();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void fromWireReadsBackEveryRole(Role role) {
        assertThat(Role.fromWire(role.wire())).contains(role);
    }

    @Test
    void roleWireWordsAreLowerCase() {
        assertThat(Arrays.stream(Role.values()).map(Role::wire)).containsExactly("admin", "staff", "viewer", "billing");
    }

    @Test
    void billingWorksWithPatientsButCannotSeeTexts() {
        assertThat(Role.BILLING.permissions()).containsExactly(Permission.CONTACTS_MANAGE);
        assertThat(Role.BILLING.allows(Permission.SMS_VIEW)).isFalse();
    }

    @Test
    void fromWireOfAnUnknownRoleIsEmpty() {
        assertThat(Role.fromWire("owner")).isEmpty();
    }

    @Test
    void fromWireOfNullIsEmpty() {
        assertThat(Role.fromWire(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Permission.class)
    void fromKeyReadsBackEveryPermission(Permission permission) {
        assertThat(Permission.fromKey(permission.key())).contains(permission);
    }

    @Test
    void permissionKeysAreUnique() {
        assertThat(Arrays.stream(Permission.values()).map(Permission::key)).doesNotHaveDuplicates();
    }

    @Test
    void permissionKeysAreDotted() {
        assertThat(Permission.SETTINGS_MANAGE.key()).isEqualTo("settings.manage");
    }

    @Test
    void fromKeyOfAnUnknownKeyIsEmpty() {
        assertThat(Permission.fromKey("sms.delete")).isEmpty();
    }

    @Test
    void fromKeyIsExactAboutCase() {
        assertThat(Permission.fromKey("SMS.VIEW")).isEmpty();
    }

    @Test
    void fromKeyOfNullIsEmpty() {
        assertThat(Permission.fromKey(null)).isEmpty();
    }
}
