package dev.fundtrace.chain.ethereum.rpc;

import dev.fundtrace.ledger.Transfer;

import java.util.Collection;

/** Where transfers of one kind come from on a node. */
interface TransferSource {
    /**
     * Transfers of {@code kind} ({@link RpcCheckpointStore#TOKEN} or {@link RpcCheckpointStore#NATIVE}) that have
     * one of {@code addresses} (lower-case) as sender or receiver, in blocks [from, to]. Block times may be null.
     */
    Collection<Transfer> fetch(String kind, java.util.List<String> addresses, long from, long to);
}
