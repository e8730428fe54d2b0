package io.switchboard.pms.charge;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The call tariff consultants edit ({@code config/tariffs.yaml}, format in docs/pms/tariffs.md):
 * rates by destination prefix (longest match wins), each with a price per minute and a minimum
 * charge, and free numbers (emergency, toll-free) that never become a posting.
 *
 * <p>Rule: every <b>started</b> minute is billed ({@code ceil(seconds / 60)}); the charge is
 * {@code max(minutes × perMinute, minimum)}, rounded half-up to the currency's decimals. A call
 * that was never answered (0 talk seconds) costs nothing.
 */
public final class TariffTable {

    private final String currency;
    private final int decimals;
    private final Set<String> freeNumbers;
    private final List<String> freePrefixes;
    private final List<Rate> rates;

    /** One destination: numbers starting with {@code prefix} cost {@code perMinute} per started minute, at least {@code minimum}. */
    public record Rate(String prefix, String name, BigDecimal perMinute, BigDecimal minimum) {

        public Rate {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("a rate needs a non-empty prefix (use \"+\" for every international number)");
            }
            name = name == null || name.isBlank() ? prefix : name;
            if (perMinute == null || perMinute.signum() < 0) {
                throw new IllegalArgumentException("rate " + prefix + ": per-minute must be 0 or more");
            }
            minimum = minimum == null ? BigDecimal.ZERO : minimum;
            if (minimum.signum() < 0) {
                throw new IllegalArgumentException("rate " + prefix + ": minimum must be 0 or more");
            }
        }
    }

    /** What a call costs. */
    public record Pricing(Verdict verdict, BigDecimal amount, String destination, long billedMinutes) {

        public enum Verdict {
            /** Priced: post {@code amount}. */
            CHARGED,
            /** A free number, or a call that was not answered: no posting. */
            FREE,
            /** No rate matches the number: no posting (logged). */
            NO_RATE
        }

        static Pricing free(String why) {
            return new Pricing(Verdict.FREE, BigDecimal.ZERO, why, 0);
        }
    }

    public TariffTable(String currency, int decimals, Set<String> freeNumbers, List<String> freePrefixes, List<Rate> rates) {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, got " + currency);
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6, got " + decimals);
        }
        this.currency = currency;
        this.decimals = decimals;
        this.freeNumbers = Set.copyOf(freeNumbers);
        this.freePrefixes = List.copyOf(freePrefixes);
        this.rates = rates.stream()
                .sorted(Comparator.comparingInt((Rate r) -> r.prefix().length()).reversed())
                .toList();
        long distinct = rates.stream().map(Rate::prefix).distinct().count();
        if (distinct != rates.size()) {
            throw new IllegalArgumentException("two rates have the same prefix");
        }
    }

    public String currency() {
        return currency;
    }

    public int decimals() {
        return decimals;
    }

    /**
     * Prices a call to {@code number} (E.164 such as {@code +33612345678}, or a short number such as
     * {@code 112}) that lasted {@code talkSeconds}. {@code dialled} is what the guest dialled, also
     * checked against the free numbers.
     */
    public Pricing price(String number, String dialled, long talkSeconds) {
        if (isFree(number) || isFree(dialled)) {
            return Pricing.free("free number");
        }
        if (talkSeconds <= 0) {
            return Pricing.free("not answered");
        }
        Optional<Rate> rate = rateFor(number);
        if (rate.isEmpty()) {
            return new Pricing(Pricing.Verdict.NO_RATE, BigDecimal.ZERO, null, 0);
        }
        long minutes = (talkSeconds + 59) / 60;
        BigDecimal amount = rate.get().perMinute().multiply(BigDecimal.valueOf(minutes)).max(rate.get().minimum());
        return new Pricing(Pricing.Verdict.CHARGED, amount.setScale(decimals, RoundingMode.HALF_UP), rate.get().name(), minutes);
    }

    /** The rate with the longest prefix of {@code number}. */
    public Optional<Rate> rateFor(String number) {
        if (number == null || number.isEmpty()) {
            return Optional.empty();
        }
        return rates.stream().filter(r -> number.startsWith(r.prefix())).findFirst();
    }

    private boolean isFree(String number) {
        if (number == null || number.isEmpty()) {
            return false;
        }
        return freeNumbers.contains(number) || freePrefixes.stream().anyMatch(number::startsWith);
    }

    // --- loading ---------------------------------------------------------------------------------

    /**
     * Reads the YAML file. Every mistake is reported with the file name, the line (when the YAML
     * locates it) and what is wrong, e.g. {@code tariff file config/tariffs.yaml, line 31 (rates
     * entry 3): 'twenty' is not an amount (write 0.25)}.
     */
    public static TariffTable load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the tariff file " + file.toAbsolutePath() + ": " + e, e);
        }
        Object root;
        try {
            root = yaml().load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new IllegalStateException("tariff file " + file + (mark == null ? "" : ", line " + (mark.getLine() + 1))
                    + ": not valid YAML: " + (e.getProblem() != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException e) {
            throw new IllegalStateException("tariff file " + file + ": not valid YAML: " + e.getMessage(), e);
        }
        try {
            return fromMap(root instanceof Map<?, ?> map ? map : Map.of());
        } catch (BadEntry e) {
            int line = lineOf(text, e.path);
            throw new IllegalStateException("tariff file " + file + (line > 0 ? ", line " + line : "") + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("tariff file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A mistake in one entry: {@code path} locates it (keys and list indexes from the root). */
    static final class BadEntry extends IllegalArgumentException {

        final List<Object> path;

        BadEntry(List<Object> path, String message, Throwable cause) {
            super(message, cause);
            this.path = path;
        }
    }

    static TariffTable fromMap(Map<?, ?> root) {
        Map<?, ?> free = root.get("free") instanceof Map<?, ?> m ? m : Map.of();
        List<?> entries = list(root.get("rates"));
        List<Rate> rates = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                if (!(entries.get(i) instanceof Map<?, ?> r)) {
                    throw new IllegalArgumentException("every entry under rates needs prefix, name, per-minute, minimum");
                }
                rates.add(new Rate(quoted(r.get("prefix")), text(r.get("name")), amount(r.get("per-minute")),
                        amount(r.get("minimum"))));
            } catch (IllegalArgumentException e) {
                throw new BadEntry(List.of("rates", i), "rates entry " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        Set<String> numbers = Set.copyOf(entryOf(List.of("free", "numbers"),
                () -> list(free.get("numbers")).stream().map(TariffTable::quoted).toList()));
        List<String> prefixes = entryOf(List.of("free", "prefixes"),
                () -> list(free.get("prefixes")).stream().map(TariffTable::quoted).toList());
        Object decimals = root.get("decimals");
        int places = entryOf(List.of("decimals"), () -> {
            try {
                return decimals == null ? 2 : Integer.parseInt(decimals.toString());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("decimals must be a whole number, got " + decimals);
            }
        });
        String currency = text(root.get("currency"));
        List<Object> where = currency == null || !currency.matches("[A-Z]{3}") ? List.of("currency")
                : places < 0 || places > 6 ? List.of("decimals") : List.of("rates");
        return entryOf(where, () -> new TariffTable(currency, places, numbers, prefixes, rates));
    }

    private static <T> T entryOf(List<Object> path, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (BadEntry e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadEntry(path, e.getMessage(), e);
        }
    }

    /** The 1-based line of the YAML node at {@code path}, or 0 when it cannot be found. */
    static int lineOf(String text, List<Object> path) {
        Node node;
        try {
            node = yaml().compose(new StringReader(text));
        } catch (YAMLException e) {
            return 0;
        }
        int line = 0;
        for (Object step : path) {
            if (node instanceof MappingNode map) {
                Node found = null;
                for (NodeTuple tuple : map.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step)) {
                        found = tuple.getValueNode();
                        line = key.getStartMark().getLine() + 1;
                    }
                }
                node = found;
            } else if (node instanceof SequenceNode seq && step instanceof Integer i && i < seq.getValue().size()) {
                node = seq.getValue().get(i);
                line = node.getStartMark().getLine() + 1;
            } else {
                return line;
            }
            if (node == null) {
                return line;
            }
        }
        return line;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Numbers and prefixes must be quoted: YAML reads +33 as the integer 33 and 0800 as 800. */
    private static String quoted(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("write numbers and prefixes in quotes (\"+33\", \"112\"), got " + value);
        }
        return (String) value;
    }

    private static BigDecimal amount(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an amount (write 0.25)");
        }
    }
}
