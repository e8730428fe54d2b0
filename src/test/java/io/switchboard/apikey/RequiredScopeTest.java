package io.switchboard.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredScopeTest {

    @Test
    void readsNeedCallsRead() {
        assertThat(RequiredScope.of("GET", "/api/v1/calls")).contains(Scope.CALLS_READ);
        assertThat(RequiredScope.of("GET", "/api/v1/calls/abc")).contains(Scope.CALLS_READ);
        assertThat(RequiredScope.of("GET", "/api/v1/events")).contains(Scope.CALLS_READ);
        assertThat(RequiredScope.of("GET", "/api/v1/live")).contains(Scope.CALLS_READ);
    }

    @Test
    void clickToCallAndAdminPaths() {
        assertThat(RequiredScope.of("POST", "/api/v1/click-to-call")).contains(Scope.CLICK_TO_CALL);
        assertThat(RequiredScope.of("POST", "/api/v1/admin/sources/x/register-webhooks")).contains(Scope.ADMIN);
        assertThat(RequiredScope.of("GET", "/api/v1/admin/anything")).contains(Scope.ADMIN);
        assertThat(RequiredScope.of("GET", "/api/v1/deliveries")).contains(Scope.ADMIN);
        assertThat(RequiredScope.of("GET", "/api/v1/dry-runs")).contains(Scope.ADMIN);
    }

    @Test
    void anyOtherWriteNeedsAdminAndOpenApiNothing() {
        assertThat(RequiredScope.of("POST", "/api/v1/something-new")).contains(Scope.ADMIN);
        assertThat(RequiredScope.of("DELETE", "/api/v1/calls/abc")).contains(Scope.ADMIN);
        assertThat(RequiredScope.of("GET", "/api/v1/openapi.json")).isEmpty();
    }
}
