package dev.fundtrace.runlock;

/** Another live process holds the lock: nothing was started, nothing written. */
public final class RunLockHeldException extends RuntimeException {
    private final transient LockOwner owner;

    RunLockHeldException(String message, LockOwner owner) {
        super(message);
        this.owner = owner;
    }

    /** The live holder, or null when it could not be read (it is still starting). */
    public LockOwner owner() { return owner; }
}
