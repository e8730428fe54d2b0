package io.switchboard.ingress;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every {@link VendorDialect} bean, by vendor id. */
@Component
public class Dialects {

    private final Map<String, VendorDialect> byVendor;

    public Dialects(List<VendorDialect> dialects) {
        this.byVendor = dialects.stream().collect(Collectors.toUnmodifiableMap(VendorDialect::vendor, Function.identity()));
    }

    public Optional<VendorDialect> find(String vendor) {
        return Optional.ofNullable(byVendor.get(vendor));
    }

    public VendorDialect get(String vendor) {
        return find(vendor).orElseThrow(() -> new IllegalStateException("No dialect for vendor " + vendor));
    }
}
