package io.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Source settings are checked when the hub starts, as Spring binds config/switchboard.yaml. */
class SourceSettingsValidationTest {

    private static SwitchboardProperties bind(Map<String, String> extra) {
        Map<String, String> yaml = new LinkedHashMap<>();
        yaml.put("switchboard.sources[0].id", "callr-main");
        yaml.put("switchboard.sources[0].vendor", "callr");
        yaml.putAll(extra);
        Binder binder = new Binder(new MapConfigurationPropertySource(yaml));
        SpringValidatorAdapter validator =
                new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        return binder.bind("switchboard", Bindable.of(SwitchboardProperties.class), new ValidationBindHandler(validator))
                .get();
    }

    @Test
    void theCallrRingTimesDefaultAndMayBeSetWithinFiveTo300Seconds() {
        assertThat(bind(Map.of()).sources().get(0).api().agentTimeout()).isEqualTo(30);
        Source.ApiOptions api = bind(Map.of(
                "switchboard.sources[0].api.agent-timeout", "5",
                "switchboard.sources[0].api.customer-timeout", "300")).sources().get(0).api();
        assertThat(api.agentTimeout()).isEqualTo(5);
        assertThat(api.customerTimeout()).isEqualTo(300);
    }

    @Test
    void aRingTimeOutOfRangeStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> bind(Map.of("switchboard.sources[0].api.agent-timeout", "400")))
                .isInstanceOf(BindException.class)
                .cause()
                .isInstanceOfSatisfying(BindValidationException.class, e -> assertThat(e.getMessage())
                        .contains("sources[0].api.agentTimeout").contains("300"));
        assertThatThrownBy(() -> bind(Map.of("switchboard.sources[0].api.customer-timeout", "0")))
                .cause()
                .isInstanceOfSatisfying(BindValidationException.class, e -> assertThat(e.getMessage())
                        .contains("customerTimeout").contains("5"));
    }
}
