package dev.fundtrace.ledger.rpc;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Anvil scenario of the gatherer tests, shared with the job's functional tests: the three IRA ETH addresses
 * (LIFSHITS 0x901b…, 0xa7e5…; ANDREYEV 0x8576…, impersonated) send ETH, a token, a reverted call and an ETH forward
 * through a contract (an internal call); a few hops further out, an unrelated transfer and one beyond a 3-hop horizon.
 * The token answers symbol() with a string ("FUND"); two more tokens answer it with a bytes32 ("MKR") and with a
 * revert (issue #16). Three more reverted cases (issue #16) move nothing, so none of their receivers is reached: a top-level call with
 * value that reverts, a reverted internal call under a successful transaction, and a successful internal call
 * under a reverted transaction.
 *
 * <pre>
 *   A --1 ETH--> B                      (seed to seed)
 *   A --token 1000--> X1 --token 400--> X2
 *   A --mkr 7--> X3,  A --unnamed 5--> X4   (bytes32 symbol; symbol() reverts)
 *   B --0.5 ETH--> forwarder --internal 0.5--> Y --0.2--> Z --0.1--> FAR --0.01--> FAR2
 *   C --0.1 ETH--> forwarder --> reverter   (reverted)
 *   C --0.05 ETH--> reverter                (top-level call reverts: REVERTED, not traced)
 *   C --0.02 ETH--> attempter --x--> reverter  (transaction succeeds, attempter keeps the value; its call reverts)
 *   C --0.03 ETH--> revertAfterForward --0.03--> V  (the internal call succeeds, then the transaction reverts)
 *   C --logThenRevert: Transfer 1000 to X5, then revert--   (no value, and the token log never exists)
 *   DEV0 --5 ETH--> W                   (unrelated)
 * </pre>
 */
public final class IraScenario {
    public static final BigInteger ETH = BigInteger.TEN.pow(18);
    public static final String X1 = "0x1111111111111111111111111111111111111111", X2 = "0x2222222222222222222222222222222222222222",
            Y = "0x3333333333333333333333333333333333333333", Z = "0x4444444444444444444444444444444444444444",
            W = "0x5555555555555555555555555555555555555555", FAR = "0x6666666666666666666666666666666666666666",
            FAR2 = "0x7777777777777777777777777777777777777777", V = "0xabababababababababababababababababababab",
            X3 = "0x1313131313131313131313131313131313131313", X4 = "0x1414141414141414141414141414141414141414",
            X5 = "0x1515151515151515151515151515151515151515";

    /** The seeds (lower case) and the deployed contracts. */
    public final List<String> seeds = Anvil.ira();
    public final String token, forwarder, reverter;
    /** Tokens whose symbol() answers with a bytes32 and with a revert. */
    public String mkr, unnamed;
    /** Contracts of the reverted cases: only the attempter is reached (it keeps what C paid it). */
    public String attempter, revertAfterForward, logThenRevert;
    /** Hashes of the reverted cases, in the order above. */
    public String topLevelRevert, revertedInternal, internalUnderRevert, logUnderRevert;

    private IraScenario(String token, String forwarder, String reverter) {
        this.token = token;
        this.forwarder = forwarder;
        this.reverter = reverter;
    }

    /** Builds the scenario on a fresh chain (automine on afterwards); mines nothing extra at the end. */
    public static IraScenario build(Anvil anvil) throws Exception {
        List<String> seeds = Anvil.ira();
        String a = seeds.get(0), b = seeds.get(1), c = seeds.get(2);
        for (String s : seeds) anvil.fund(s, ETH.multiply(BigInteger.valueOf(100)));
        IraScenario sc = new IraScenario(anvil.deploy(resource("StringSymbolToken.hex")), anvil.deploy(resource("Forwarder.hex")),
                anvil.deploy(resource("Reverter.hex")));
        anvil.sendEth(a, b, ETH);                                                                  // NATIVE
        anvil.send(a, sc.token, BigInteger.ZERO, Anvil.tokenTransfer(X1, ETH.multiply(BigInteger.valueOf(1000))), 100_000); // TOKEN
        sc.mkr = anvil.deploy(resource("Bytes32SymbolToken.hex"));
        sc.unnamed = anvil.deploy(resource("RevertingSymbolToken.hex"));
        anvil.send(a, sc.mkr, BigInteger.ZERO, Anvil.tokenTransfer(X3, ETH.multiply(BigInteger.valueOf(7))), 100_000);
        anvil.send(a, sc.unnamed, BigInteger.ZERO, Anvil.tokenTransfer(X4, BigInteger.valueOf(500_000_000)), 100_000); // 5 at 8 decimals
        anvil.send(b, sc.forwarder, ETH.divide(BigInteger.TWO), "0x" + Anvil.word(Y), 100_000);    // NATIVE + INTERNAL
        String failed = anvil.send(c, sc.forwarder, ETH.divide(BigInteger.TEN), "0x" + Anvil.word(sc.reverter), 100_000); // REVERTED
        if (!"0x0".equals(anvil.receipt(failed).get("status").asText())) throw new IllegalStateException("the call to the reverter did not revert");
        sc.reverted(anvil, c);
        // several transactions in one block: positions are transaction indexes and log indexes
        anvil.automine(false);
        anvil.call("anvil_impersonateAccount", Y);
        anvil.call("anvil_impersonateAccount", Z);
        anvil.fund(X1, ETH);
        anvil.fund(FAR, ETH);
        anvil.sendEth(Y, Z, ETH.divide(BigInteger.valueOf(5)));
        anvil.send(X1, sc.token, BigInteger.ZERO, Anvil.tokenTransfer(X2, ETH.multiply(BigInteger.valueOf(400))), 100_000);
        anvil.sendEth(Anvil.DEV0, W, ETH.multiply(BigInteger.valueOf(5)));                         // unrelated
        anvil.mine(1);
        anvil.automine(true);
        anvil.sendEth(Z, FAR, ETH.divide(BigInteger.TEN));                                         // hop 4 from the seeds
        anvil.sendEth(FAR, FAR2, ETH.divide(BigInteger.valueOf(100)));                             // hop 5
        return sc;
    }

    private void reverted(Anvil anvil, String c) throws Exception {
        attempter = anvil.deploy(resource("Attempter.hex"));
        revertAfterForward = anvil.deploy(resource("RevertAfterForward.hex"));
        topLevelRevert = expect(anvil, "0x0", anvil.send(c, reverter, ETH.divide(BigInteger.valueOf(20)), null, 100_000));
        revertedInternal = expect(anvil, "0x1", anvil.send(c, attempter, ETH.divide(BigInteger.valueOf(50)), "0x" + Anvil.word(reverter), 100_000));
        internalUnderRevert = expect(anvil, "0x0", anvil.send(c, revertAfterForward, ETH.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(100)),
                "0x" + Anvil.word(V), 100_000));
        logThenRevert = anvil.deploy(resource("LogThenRevert.hex"));
        logUnderRevert = expect(anvil, "0x0", anvil.send(c, logThenRevert, BigInteger.ZERO, Anvil.tokenTransfer(X5, BigInteger.valueOf(1000)), 100_000));
    }

    private static String expect(Anvil anvil, String status, String hash) {
        String got = anvil.receipt(hash).get("status").asText();
        if (!status.equals(got)) throw new IllegalStateException(hash + ": status " + got + ", the scenario needs " + status);
        return hash;
    }

    public static String resource(String name) throws Exception {
        return Files.readString(Path.of(IraScenario.class.getResource("/rpc/" + name).toURI())).trim();
    }
}
