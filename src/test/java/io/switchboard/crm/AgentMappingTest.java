package io.switchboard.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Agent (extension, agent id, e-mail) → CRM owner, with a fallback owner. */
class AgentMappingTest {

    private final AgentMapping mapping =
            AgentMapping.parse("201=005A1, Jane@Acme.example = 005B2 ; agent-7=005C3", "005FALLBACK");

    @Test
    void extensionAgentIdAndEmailMapToTheirOwner() {
        assertThat(mapping.ownerFor("201")).isEqualTo("005A1");
        assertThat(mapping.ownerFor("jane@acme.example")).isEqualTo("005B2");
        assertThat(mapping.ownerFor("AGENT-7")).isEqualTo("005C3");
    }

    @Test
    void aPrefixedTelphinExtensionMatchesItsExtension() {
        assertThat(mapping.ownerFor("000*201")).isEqualTo("005A1");
    }

    @Test
    void unknownOrMissingAgentsGetTheFallbackOwner() {
        assertThat(mapping.ownerFor("999")).isEqualTo("005FALLBACK");
        assertThat(mapping.ownerFor(null)).isEqualTo("005FALLBACK");
        assertThat(AgentMapping.parse("", "").ownerFor("201")).isNull();
    }

    @Test
    void aMalformedEntryIsNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AgentMapping.parse("201=005A1, 202", null));
        assertThat(e.getMessage()).contains("'202'");
    }
}
