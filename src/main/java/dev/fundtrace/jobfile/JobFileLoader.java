package dev.fundtrace.jobfile;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fundtrace.jobfile.JobDefinition.Direction;
import dev.fundtrace.jobfile.JobDefinition.Format;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a job file. Unknown keys are an error (a typo in a nightly job must fail loudly at start),
 * and relative paths resolve against the job file's own folder so a job runs the same from anywhere.
 */
public final class JobFileLoader {

    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    // built once: a mapper is immutable and thread-safe, and building one costs more than reading a job file
    private static final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // maxHops: 4.5 is a mistake, not 4
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** The placeholder a path may hold for the run's date (ISO yyyy-MM-dd): one job file serves every night. */
    public static final String RUN_DATE = "{runDate}";

    /** Reads and validates the job file's own content (not yet whether its inputs exist), {runDate} being today (UTC). */
    public JobDefinition load(Path jobFile) {
        return parse(jobFile, read(jobFile));
    }

    /** The job file's text, as a run keeps it (a resumed run goes on with the definition it started with). */
    public static String read(Path jobFile) {
        Path file = jobFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new JobFileException(jobFile + ": job file not found");
        }
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new JobFileException(jobFile + ": cannot read the job file: " + e.getMessage());
        }
    }

    /** Parses a job file's text for a run of today (UTC); relative paths resolve against {@code jobFile}'s folder. */
    public JobDefinition parse(Path jobFile, String text) {
        return parse(jobFile, text, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * Parses a job file's text for the run of {@code runDate}, which replaces {runDate} in its paths; relative paths
     * resolve against {@code jobFile}'s folder.
     */
    public JobDefinition parse(Path jobFile, String text, LocalDate runDate) {
        Path file = jobFile.toAbsolutePath().normalize();
        Map<String, Integer> keyLines = keyLines(jobFile, text);
        RawJob raw;
        try {
            raw = yaml.readValue(text, RawJob.class);
        } catch (UnrecognizedPropertyException e) {
            String key = keyPath(e);
            // data binding buffers records' properties, so its own location may be a later line: the scan's is the key's
            int line = keyLines.getOrDefault(key, e.getLocation() == null ? 0 : e.getLocation().getLineNr());
            throw new JobFileException(jobFile + ": line " + line + ": unknown key '" + key + "' (allowed here: "
                    + e.getKnownPropertyIds() + ")");
        } catch (MismatchedInputException e) {
            throw new JobFileException(jobFile + ": " + new MismatchedValue(text, keyLines).sentence(e));
        } catch (InputCoercionException e) {
            String key = keyPath(e);
            int line = keyLines.getOrDefault(key, e.getLocation() == null ? 0 : e.getLocation().getLineNr());
            throw new JobFileException(jobFile + ": " + (key.isEmpty() ? "" : key + ": ") + "line " + line
                    + ": the number is too large here");
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new JobFileException(jobFile + ": line " + line + ": " + e.getOriginalMessage());
        }
        if (raw == null) throw new JobFileException(jobFile + ": job file is empty");
        return new Converter(jobFile, file.getParent(), runDate.toString()).convert(raw);
    }

    /**
     * The line of every key, by its dotted path ({@code trace.maxHops}), for messages that name the key's own line.
     * A key given twice in one mapping is an error naming both lines: the YAML parser accepts it and data binding
     * keeps the last value, so a nightly job silently ran with one of two settings. Syntax errors are left to the
     * reading that follows, which reports them.
     */
    private static Map<String, Integer> keyLines(Path jobFile, String text) {
        Map<String, Integer> lines = new java.util.HashMap<>();
        record Scope(String path, Map<String, Integer> keys, String[] last) {}
        java.util.ArrayDeque<Scope> scopes = new java.util.ArrayDeque<>();
        try (JsonParser p = yaml.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        Scope outer = scopes.peek();
                        // an object's keys are named after the key that holds it (or the list that does)
                        String at = outer == null ? "" : outer.keys() == null ? outer.path() : outer.path() + outer.last()[0];
                        String prefix = outer == null || at.isEmpty() || at.endsWith(".") ? at : at + ".";
                        scopes.push(t == JsonToken.START_OBJECT ? new Scope(prefix, new java.util.HashMap<>(), new String[1])
                                : new Scope(prefix, null, null));
                    }
                    case END_OBJECT, END_ARRAY -> scopes.pop();
                    case PROPERTY_NAME -> {
                        Scope scope = scopes.peek();
                        String name = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        Integer first = scope.keys().putIfAbsent(name, line);
                        if (first != null) {
                            throw new JobFileException(jobFile + ": line " + line + ": duplicate key '" + scope.path() + name
                                    + "' (first given on line " + first + "; give each key once)");
                        }
                        scope.last()[0] = name;
                        lines.putIfAbsent(scope.path() + name, line);
                    }
                    default -> { }
                }
            }
        } catch (JacksonException e) {
            // not YAML: readValue says where
        }
        return lines;
    }

    /** Checks that every input the job names exists, so a nightly run fails at start, not at 2 a.m. mid-way. */
    public void checkInputsExist(JobDefinition job) {
        List<String> missing = new ArrayList<>();
        for (Path p : job.designations().files()) if (!Files.isRegularFile(p)) missing.add("designations.files: " + p);
        for (Path p : job.labels()) if (!Files.isRegularFile(p)) missing.add("labels: " + p);
        if (job.reviews() != null && !Files.isRegularFile(job.reviews())) missing.add("reviews: " + job.reviews());
        job.ledger().chains().forEach((chain, source) -> {
            Path folder = switch (source) {
                case JobDefinition.EthereumLedger e -> e.fromFiles() ? e.files() : null;
                case JobDefinition.UtxoLedger u -> u.files();
            };
            if (folder != null && !Files.isDirectory(folder)) missing.add("ledger." + chain + ".files: " + folder + " (not a folder)");
        });
        if (!missing.isEmpty()) {
            throw new MissingInputException(job.jobFile() + ": missing input " + String.join("; ", missing)
                    + "; nothing was run (run it again once the input is there)");
        }
    }

    /** The dotted path of the key an error is about (list indexes left out: keys are named by their mapping). */
    static String keyPath(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            }
        }
        return sb.isEmpty() && e instanceof UnrecognizedPropertyException u ? String.valueOf(u.getPropertyName()) : sb.toString();
    }

    private record Converter(Path jobFile, Path base, String runDate) {

        JobDefinition.EthereumLedger ethereum(RawEthereum e) {
            if ((e.files == null) == (e.rpc == null)) fail("ledger.ethereum", "give exactly one of 'files' or 'rpc'");
            if (e.confirmations != null && e.confirmations < 0) fail("ledger.ethereum.confirmations", "must be >= 0");
            if (e.toBlock != null && !e.toBlock.equals("latest") && !e.toBlock.matches("\\d+")) {
                fail("ledger.ethereum.toBlock", "a block number or 'latest'");
            }
            RawRpc r = e.rpcOptions == null ? new RawRpc() : e.rpcOptions;
            var rpc = new JobDefinition.Rpc(positive(r.batchSize, 50, "batchSize"), positive(r.maxInFlight, 4, "maxInFlight"),
                    r.requestsPerSecond == null ? 50.0 : r.requestsPerSecond, r.maxRetries == null ? 5 : r.maxRetries,
                    r.timeout == null ? Duration.ofSeconds(60) : duration("ledger.ethereum.rpcOptions.timeout", r.timeout),
                    positive(r.logWindow, 10_000, "logWindow"), r.useTraceFilter == null || r.useTraceFilter);
            return new JobDefinition.EthereumLedger(e.files == null ? null : path(e.files), e.rpc,
                    e.fromBlock, e.toBlock == null ? "latest" : e.toBlock, e.confirmations == null ? 12 : e.confirmations,
                    Boolean.TRUE.equals(e.assumeSuccess), rpc);
        }

        /** A Bitcoin-family chain: a folder of bitcoin-etl JSON lines, and nothing else (utxo.md). */
        JobDefinition.UtxoLedger utxo(String chain, Map<String, Object> section) {
            for (String key : section.keySet()) {
                if (!key.equals("files")) {
                    fail("ledger." + chain + "." + key, "unknown key: a Bitcoin-family chain takes only 'files'"
                            + " (a folder of bitcoin-etl JSON-lines exports)");
                }
            }
            if (!(section.get("files") instanceof String files) || files.isBlank()) {
                fail("ledger." + chain + ".files", "a folder of bitcoin-etl exports is required");
                return null;
            }
            return new JobDefinition.UtxoLedger(dev.fundtrace.ledger.Chain.fromId(chain), path(files));
        }

        JobDefinition convert(RawJob raw) {
            if (raw.job == null || !JOB_NAME.matcher(raw.job).matches()) {
                fail("job", "a name of letters, digits, '.', '_' or '-' is required (it names the report folder)");
            }
            if (raw.designations == null || raw.designations.files == null || raw.designations.files.isEmpty()) {
                fail("designations.files", "at least one sanctions file is required");
            }
            var select = raw.designations.select == null ? new RawSelect() : raw.designations.select;
            var designations = new JobDefinition.Designations(paths(raw.designations.files),
                    new JobDefinition.Selection(list(select.uids), list(select.names), list(select.programs)));

            if (raw.ledger == null) fail("ledger", "a ledger source per chain is required (ledger.ethereum, ledger.bitcoin, ...)");
            Map<String, JobDefinition.ChainSource> chains = new LinkedHashMap<>();
            if (raw.ledger.ethereum != null) chains.put(JobDefinition.EthereumLedger.CHAIN, ethereum(raw.ledger.ethereum));
            raw.ledger.utxoChains().forEach((chain, section) -> {
                if (section != null) chains.put(chain, utxo(chain, section));
            });
            if (chains.isEmpty()) fail("ledger", "a ledger source per chain is required (ledger.ethereum, ledger.bitcoin, ...)");
            double share = raw.ledger.maxRejectedShare == null ? 0.01 : raw.ledger.maxRejectedShare;
            if (share < 0 || share > 1) fail("ledger.maxRejectedShare", "a share between 0 and 1");

            RawTrace t = raw.trace == null ? new RawTrace() : raw.trace;
            Direction direction = Direction.BOTH;
            if (t.direction != null) {
                try {
                    direction = Direction.valueOf(t.direction.toUpperCase());
                } catch (IllegalArgumentException ex) {
                    fail("trace.direction", "forward, backward or both, not '" + t.direction + "'");
                }
            }
            int maxHops = t.maxHops == null ? 4 : t.maxHops;
            if (maxHops < 1 || maxHops > 64) fail("trace.maxHops", "between 1 and 64");
            var c = t.clustering;
            var clustering = new JobDefinition.Clustering(c == null || c.enabled == null || c.enabled,
                    c != null && Boolean.TRUE.equals(c.extendSeeds));
            var trace = new JobDefinition.Trace(direction, maxHops, amounts("trace.dust", t.dust), clustering);

            RawRules u = raw.rules == null ? new RawRules() : raw.rules;
            var rules = new JobDefinition.Rules(amounts("rules.indirectExposureMin", u.indirectExposureMin),
                    u.rapidPassThroughWindow == null ? Duration.ofHours(1)
                            : duration("rules.rapidPassThroughWindow", u.rapidPassThroughWindow),
                    amounts("rules.structuringThreshold", u.structuringThreshold),
                    u.structuringWindow == null ? Duration.ofDays(1) : duration("rules.structuringWindow", u.structuringWindow),
                    u.structuringMinTransfers == null ? 3 : u.structuringMinTransfers);

            RawReport rp = raw.report == null ? new RawReport() : raw.report;
            List<Format> formats = new ArrayList<>();
            for (String f : rp.formats == null ? List.of("html", "csv", "json") : rp.formats) {
                try {
                    formats.add(Format.valueOf(f.toUpperCase()));
                } catch (IllegalArgumentException ex) {
                    fail("report.formats", "html, csv or json, not '" + f + "'");
                }
            }
            var report = new JobDefinition.Report(rp.dir == null ? base.resolve("../reports").normalize() : path(rp.dir),
                    List.copyOf(formats), Boolean.TRUE.equals(rp.exitOnNewHigh), explorer(rp.explorer));
            return new JobDefinition(jobFile, raw.job, designations,
                    new JobDefinition.Ledger(chains, share),
                    paths(raw.labels), raw.reviews == null ? null : path(raw.reviews), trace, rules, report);
        }

        /** report.explorer: {@code public}, {@code off}, or per chain {@code { tx: URL with {txid}, address: URL with {address} }}. */
        private JobDefinition.Explorer explorer(Object raw) {
            String expected = "public, off, or per chain { tx: \"https://…/{txid}\", address: \"https://…/{address}\" }";
            if (raw == null || "public".equals(raw)) return JobDefinition.Explorer.PUBLIC;
            // YAML 1.1 reads a bare off as false
            if ("off".equals(raw) || Boolean.FALSE.equals(raw)) return JobDefinition.Explorer.OFF;
            if (!(raw instanceof Map<?, ?> byChain) || byChain.isEmpty()) {
                fail("report.explorer", expected + ", not " + (raw instanceof String s ? "'" + s + "'" : "that"));
                return null;
            }
            Map<String, JobDefinition.Explorer.ChainLinks> chains = new LinkedHashMap<>();
            byChain.forEach((chain, value) -> {
                String key = "report.explorer." + chain;
                try {
                    dev.fundtrace.ledger.Chain.fromId(String.valueOf(chain));
                } catch (IllegalArgumentException e) {
                    fail(key, e.getMessage());
                }
                if (!(value instanceof Map<?, ?> links)) {
                    fail(key, "{ tx: \"https://…/{txid}\", address: \"https://…/{address}\" } (either may be left out)");
                    return;
                }
                for (Object k : links.keySet()) {
                    if (!"tx".equals(k) && !"address".equals(k)) fail(key + "." + k, "unknown key (allowed here: tx, address)");
                }
                chains.put(String.valueOf(chain).toLowerCase(java.util.Locale.ROOT), new JobDefinition.Explorer.ChainLinks(
                        urlTemplate(key + ".tx", links.get("tx"), "{txid}"),
                        urlTemplate(key + ".address", links.get("address"), "{address}")));
            });
            return new JobDefinition.Explorer(JobDefinition.Explorer.Mode.SELF_HOSTED, chains);
        }

        /** A link template: an http(s) URL with its placeholder and no credentials (every reader of the page sees it). */
        private String urlTemplate(String key, Object value, String placeholder) {
            if (value == null) return null;
            if (!(value instanceof String url) || !url.contains(placeholder)) {
                fail(key, "a URL holding " + placeholder + " where the value goes, such as \"https://explorer.example/"
                        + (placeholder.equals("{txid}") ? "tx" : "address") + "/" + placeholder + "\"");
                return null;
            }
            java.net.URI uri;
            try {
                uri = new java.net.URI(url.replace(placeholder, "x"));
            } catch (java.net.URISyntaxException e) {
                fail(key, "not a URL: " + e.getReason());
                return null;
            }
            if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
                fail(key, "an http or https URL, not '" + url + "'");
            }
            if (uri.getHost() == null) fail(key, "the URL names no host");
            if (uri.getRawUserInfo() != null) fail(key, "no credentials in the URL: every reader of the report sees its links");
            return url;
        }

        private int positive(Integer v, int dflt, String key) {
            if (v == null) return dflt;
            if (v < 1) fail("ledger.ethereum.rpcOptions." + key, "must be at least 1");
            return v;
        }

        private Map<String, BigDecimal> amounts(String key, Map<String, String> in) {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            if (in == null) return out;
            in.forEach((asset, value) -> {
                try {
                    BigDecimal d = new BigDecimal(value.trim());
                    if (d.signum() < 0) fail(key + "." + asset, "must not be negative");
                    out.put(asset, d);
                } catch (NumberFormatException ex) {
                    fail(key + "." + asset, "a decimal number in display units, not '" + value + "'");
                }
            });
            return out;
        }

        private Duration duration(String key, String text) {
            try {
                return text.startsWith("PT") || text.startsWith("pt") ? Duration.parse(text)
                        : Duration.ofDays(Period.parse(text).toTotalMonths() * 30 + Period.parse(text).getDays());
            } catch (DateTimeParseException ex) {
                throw new JobFileException(jobFile + ": " + key + ": an ISO-8601 duration such as PT1H or P1D, not '" + text + "'");
            }
        }

        private List<Path> paths(List<String> in) {
            return in == null ? List.of() : in.stream().map(this::path).toList();
        }

        private Path path(String p) {
            return base.resolve(p.replace(RUN_DATE, runDate)).normalize();
        }

        private static List<String> list(List<String> in) {
            return in == null ? List.of() : List.copyOf(in);
        }

        private void fail(String key, String why) {
            throw new JobFileException(jobFile + ": " + key + ": " + why);
        }
    }

    // The file as written. Strings for amounts keep "0.5" exact; conversion and checks happen in Converter.
    record RawJob(@JsonProperty("job") String job, @JsonProperty("designations") RawDesignations designations,
                  @JsonProperty("ledger") RawLedger ledger, @JsonProperty("labels") List<String> labels,
                  @JsonProperty("reviews") String reviews,
                  @JsonProperty("trace") RawTrace trace, @JsonProperty("rules") RawRules rules,
                  @JsonProperty("report") RawReport report) {}

    record RawDesignations(@JsonProperty("files") List<String> files, @JsonProperty("select") RawSelect select) {}

    record RawSelect(@JsonProperty("uids") List<String> uids, @JsonProperty("names") List<String> names,
                     @JsonProperty("programs") List<String> programs) {
        RawSelect() { this(null, null, null); }
    }

    /** One section per chain id of job-file.md and utxo.md. */
    record RawLedger(@JsonProperty("ethereum") RawEthereum ethereum,
                     @JsonProperty("bitcoin") Map<String, Object> bitcoin, @JsonProperty("litecoin") Map<String, Object> litecoin,
                     @JsonProperty("dash") Map<String, Object> dash, @JsonProperty("zcash") Map<String, Object> zcash,
                     @JsonProperty("bitcoinsv") Map<String, Object> bitcoinsv,
                     @JsonProperty("bitcoincash") Map<String, Object> bitcoincash,
                     @JsonProperty("dogecoin") Map<String, Object> dogecoin,
                     @JsonProperty("maxRejectedShare") Double maxRejectedShare) {
        Map<String, Map<String, Object>> utxoChains() {
            Map<String, Map<String, Object>> m = new LinkedHashMap<>();
            m.put("bitcoin", bitcoin);
            m.put("litecoin", litecoin);
            m.put("dash", dash);
            m.put("zcash", zcash);
            m.put("bitcoinsv", bitcoinsv);
            m.put("bitcoincash", bitcoincash);
            m.put("dogecoin", dogecoin);
            return m;
        }
    }

    record RawEthereum(@JsonProperty("files") String files, @JsonProperty("rpc") String rpc,
                       @JsonProperty("fromBlock") Long fromBlock, @JsonProperty("toBlock") String toBlock,
                       @JsonProperty("confirmations") Integer confirmations,
                       @JsonProperty("assumeSuccess") Boolean assumeSuccess,
                       @JsonProperty("rpcOptions") RawRpc rpcOptions) {}

    record RawRpc(@JsonProperty("batchSize") Integer batchSize, @JsonProperty("maxInFlight") Integer maxInFlight,
                  @JsonProperty("requestsPerSecond") Double requestsPerSecond,
                  @JsonProperty("maxRetries") Integer maxRetries, @JsonProperty("timeout") String timeout,
                  @JsonProperty("logWindow") Integer logWindow,
                  @JsonProperty("useTraceFilter") Boolean useTraceFilter) {
        RawRpc() { this(null, null, null, null, null, null, null); }
    }

    record RawTrace(@JsonProperty("direction") String direction, @JsonProperty("maxHops") Integer maxHops,
                    @JsonProperty("dust") Map<String, String> dust, @JsonProperty("clustering") RawClustering clustering) {
        RawTrace() { this(null, null, null, null); }
    }

    record RawClustering(@JsonProperty("enabled") Boolean enabled, @JsonProperty("extendSeeds") Boolean extendSeeds) {}

    record RawRules(@JsonProperty("indirectExposureMin") Map<String, String> indirectExposureMin,
                    @JsonProperty("rapidPassThroughWindow") String rapidPassThroughWindow,
                    @JsonProperty("structuringThreshold") Map<String, String> structuringThreshold,
                    @JsonProperty("structuringWindow") String structuringWindow,
                    @JsonProperty("structuringMinTransfers") Integer structuringMinTransfers) {
        RawRules() { this(null, null, null, null, null); }
    }

    record RawReport(@JsonProperty("dir") String dir, @JsonProperty("formats") List<String> formats,
                     @JsonProperty("exitOnNewHigh") Boolean exitOnNewHigh, @JsonProperty("explorer") Object explorer) {
        RawReport() { this(null, null, null, null); }
    }
}
