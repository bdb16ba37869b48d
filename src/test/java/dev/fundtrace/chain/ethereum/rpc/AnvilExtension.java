package dev.fundtrace.chain.ethereum.rpc;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a real Anvil node (installed from npm by the build, path in {@code -Danvil.bin}) on a free loopback port
 * before a test class and stops it after. Missing binary: the tests FAIL with a clear message, never skip.
 * Test methods and constructors get it as an {@link Anvil} parameter.
 */
public final class AnvilExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(AnvilExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("anvil", Anvil.start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Anvil a = context.getStore(NS).remove("anvil", Anvil.class);
        if (a != null) a.close();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Anvil.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        ExtensionContext ctx = c;
        while (ctx != null) {
            Anvil a = ctx.getStore(NS).get("anvil", Anvil.class);
            if (a != null) return a;
            ctx = ctx.getParent().orElse(null);
        }
        throw new IllegalStateException("no Anvil started for " + c.getDisplayName());
    }
}
