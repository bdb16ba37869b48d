package dev.fundtrace.chain.ethereum.rpc;

/** A JSON-RPC node could not answer (after the retry budget) or answered with an error we cannot work around. */
public class RpcException extends RuntimeException {
    private final int code;

    public RpcException(String message) { this(message, 0, null); }

    public RpcException(String message, Throwable cause) { this(message, 0, cause); }

    public RpcException(String message, int code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The JSON-RPC error code, or 0 when the failure was at the transport level. */
    public int code() { return code; }
}
