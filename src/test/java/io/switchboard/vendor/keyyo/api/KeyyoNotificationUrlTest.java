package io.switchboard.vendor.keyyo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.config.Source;
import org.junit.jupiter.api.Test;

/** The URL an administrator pastes into the Keyyo Manager. */
class KeyyoNotificationUrlTest {

    private static final Source.KeyyoOptions DEFAULT_NAMES = new Source.KeyyoOptions("account", "caller", "callee",
            "type", "callref", "version", "dref", "drefreplace", "sessionid", "isacd", "redirectingnumber", "tsms");

    @Test
    void defaultNamesGiveTheReadmeTemplate() {
        assertThat(KeyyoNotificationUrl.template("https://hub.example.com/", "s3cr3t-t0ken", DEFAULT_NAMES))
                .isEqualTo("https://hub.example.com/webhooks/keyyo/s3cr3t-t0ken?account=_ACCOUNT_&caller=_CALLER_"
                        + "&callee=_CALLEE_&type=_N_TYPE_&callref=_CALLREF_&version=_N_VERSION_&dref=_DREF_"
                        + "&drefreplace=_DREF_REPLACE_&sessionid=_SESSION_ID_&isacd=_IS_ACD_"
                        + "&redirectingnumber=_REDIRECTING_NUMBER_&tsms=_TSMS_");
    }

    @Test
    void usesTheSourcesParameterNames() {
        Source.KeyyoOptions french = new Source.KeyyoOptions("ligne", "appelant", "appele", "evenement", "ref",
                "v", "dialogue", "remplace", "session", "acd", "renvoi", "horodatage");

        assertThat(KeyyoNotificationUrl.template("https://hub.example.com", "tok", french))
                .startsWith("https://hub.example.com/webhooks/keyyo/tok?ligne=_ACCOUNT_&appelant=_CALLER_&appele=_CALLEE_")
                .endsWith("&renvoi=_REDIRECTING_NUMBER_&horodatage=_TSMS_");
    }

    @Test
    void encodesTheTokenAsAPathSegment() {
        assertThat(KeyyoNotificationUrl.template("https://hub.example.com", "a/b c", DEFAULT_NAMES))
                .startsWith("https://hub.example.com/webhooks/keyyo/a%2Fb%20c?account=");
    }

    @Test
    void refusesAMissingTokenAndDuplicateNames() {
        assertThatThrownBy(() -> KeyyoNotificationUrl.template("https://hub.example.com", " ", DEFAULT_NAMES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
        Source.KeyyoOptions clash = new Source.KeyyoOptions("n", "n", "callee", "type", "callref", "version", "dref",
                "drefreplace", "sessionid", "isacd", "redirectingnumber", "tsms");
        assertThatThrownBy(() -> KeyyoNotificationUrl.template("https://hub.example.com", "tok", clash))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
    }
}
