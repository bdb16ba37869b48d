// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of Forwarder.hex (hand-assembled, 25-byte runtime): forwards the whole call value to
/// the address in the first calldata word with an internal CALL, and reverts when that call fails.
///
/// Runtime: PUSH1 0 PUSH1 0 PUSH1 0 PUSH1 0 CALLVALUE PUSH1 0 CALLDATALOAD GAS CALL
///          ISZERO PUSH1 0x13 JUMPI STOP  0x13: JUMPDEST PUSH1 0 PUSH1 0 REVERT
contract Forwarder {
    fallback(bytes calldata data) external payable returns (bytes memory) {
        address to = abi.decode(data, (address));
        (bool ok, ) = to.call{value: msg.value}("");
        require(ok);
        return "";
    }
}
