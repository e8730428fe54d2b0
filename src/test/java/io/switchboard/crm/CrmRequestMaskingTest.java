package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What dry-run mode logs: the exact request, credentials masked. */
class CrmRequestMaskingTest {

    @Test
    void apiTokenQueryParameterIsMaskedAndNeverInTheOperation() {
        CrmRequest request = CrmRequest.get(URI.create("https://acme.pipedrive.com/v1/persons/search?term=%2B33612345678"))
                .withQueryParam("api_token", "s3cr3t-token");

        assertThat(request.describe())
                .startsWith("GET https://acme.pipedrive.com/v1/persons/search?term=%2B33612345678&api_token=****")
                .doesNotContain("s3cr3t-token");
        assertThat(request.operation()).isEqualTo("GET /v1/persons/search");
    }

    @Test
    void authorizationHeaderKeepsItsSchemeOnly() {
        CrmRequest request = CrmRequest.json("POST", URI.create("https://api.hubapi.com/crm/v3/objects/calls"), "{\"a\":1}")
                .withHeader("Authorization", "Bearer pat-na1-secret");

        assertThat(request.describe())
                .contains("Authorization: Bearer ****", "{\"a\":1}")
                .doesNotContain("pat-na1-secret");
    }
}
