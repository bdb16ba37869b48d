package dev.fundtrace.ledger;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of one asset between two addresses, as in {@code tracing.md}.
 *
 * <p>Order within an asset is {@code (blockNumber, position, subPosition)}: for native ETH the position
 * is the transaction index and the sub-position the depth-first rank of the call inside the transaction
 * (0 for the transaction itself); for tokens the position is the log index and the sub-position 0.
 *
 * @param asset   {@code ETH} for native value, else the token contract (lower-case hex)
 * @param from    lower-case hex
 * @param to      lower-case hex
 * @param amount  raw integer amount (uint256), never scaled
 */
public record Transfer(Chain chain, String asset, String txHash, long blockNumber, int position, int subPosition,
                       Instant blockTime, String from, String to, BigInteger amount, TransferKind kind) {

    public Transfer {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
        if (amount.signum() < 0) throw new IllegalArgumentException("negative amount " + amount);
    }

    public boolean isNative() { return chain.nativeAsset().equals(asset); }
}
