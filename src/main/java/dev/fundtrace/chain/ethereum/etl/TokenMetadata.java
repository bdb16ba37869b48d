package dev.fundtrace.chain.ethereum.etl;

import dev.fundtrace.ledger.LedgerLoadException;
import dev.fundtrace.ledger.AssetInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads tokens.csv (symbol, decimals) and contracts.csv ({@code is_erc721}). A token listed without decimals,
 * or flagged ERC-721, is non-fungible: its Transfer logs carry token ids, not amounts.
 */
final class TokenMetadata {
    private TokenMetadata() {}

    static EtlExportLoader.Tokens read(Path dir, List<String> warnings) {
        Map<String, AssetInfo> known = new HashMap<>();
        Set<String> nonFungible = new HashSet<>();
        Path tokens = dir.resolve("tokens.csv");
        if (Files.isRegularFile(tokens)) {
            for (CSVRecord r : records(tokens, "address")) {
                String address = r.get("address").trim().toLowerCase(Locale.ROOT);
                String decimals = r.isMapped("decimals") ? r.get("decimals").trim() : "";
                String symbol = r.isMapped("symbol") ? r.get("symbol").trim() : "";
                if (decimals.isEmpty()) {
                    nonFungible.add(address);
                    continue;
                }
                if (symbol.isEmpty()) { // unknown, as from a node whose contract gave none: shown by the address
                    symbol = null;
                    warnings.add(AssetInfo.unknownMetadata(address, true, false));
                }
                try {
                    known.put(address, new AssetInfo(address, symbol, Integer.parseInt(decimals)));
                } catch (NumberFormatException e) {
                    warnings.add("tokens.csv: line " + (r.getRecordNumber() + 1) + ": decimals '" + decimals + "' is not a number; amounts of " + address + " shown raw");
                    known.put(address, new AssetInfo(address, symbol, -1));
                }
            }
        }
        Path contracts = dir.resolve("contracts.csv");
        if (Files.isRegularFile(contracts)) {
            for (CSVRecord r : records(contracts, "address")) {
                if (r.isMapped("is_erc721") && Boolean.parseBoolean(r.get("is_erc721").trim())) {
                    nonFungible.add(r.get("address").trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new EtlExportLoader.Tokens(known, nonFungible);
    }

    private static List<CSVRecord> records(Path file, String required) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = CSVParser.parse(in, format)) {
            if (!csv.getHeaderMap().containsKey(required)) {
                throw new LedgerLoadException(file.getFileName() + ": line 1: missing column '" + required + "'");
            }
            return csv.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw new LedgerLoadException(file.getFileName() + ": cannot read: " + e.getMessage());
        }
    }
}
