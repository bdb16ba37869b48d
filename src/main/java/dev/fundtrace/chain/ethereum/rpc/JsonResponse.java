package dev.fundtrace.chain.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.protocol.core.Response;

/** A JSON-RPC response whose result is kept as a JSON tree (traces, receipts of any node flavour). */
public class JsonResponse extends Response<JsonNode> {}
