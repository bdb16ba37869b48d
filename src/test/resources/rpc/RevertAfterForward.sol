// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of RevertAfterForward.hex (hand-assembled, 19-byte runtime): forwards the call value to the
/// address in the first calldata word (that call succeeds) and then reverts. The traces show a successful internal
/// call under a reverted transaction; nothing moved, and the receiver must not be reached.
///
/// Runtime: PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 CALLVALUE PUSH1 0 CALLDATALOAD GAS CALL PUSH1 0 PUSH1 0 REVERT
/// Init code: PUSH1 0x13 PUSH1 0x0c PUSH1 0 CODECOPY PUSH1 0x13 PUSH1 0 RETURN.
contract RevertAfterForward {
    fallback(bytes calldata data) external payable returns (bytes memory) {
        address to = abi.decode(data, (address));
        (bool ok, ) = to.call{value: msg.value}("");
        ok;
        revert();
    }
}
