// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of LogThenRevert.hex (hand-assembled, 53-byte runtime): emits MinimalToken's
/// Transfer(caller, to, value) and then reverts, so the log never exists: a receipt of a reverted transaction has no
/// logs, eth_getLogs does not return it, and an export has no token transfer for it.
///
/// Runtime: PUSH1 0x20 CALLDATALOAD PUSH1 0 MSTORE PUSH1 0 CALLDATALOAD CALLER PUSH32 <Transfer topic>
///          PUSH1 0x20 PUSH1 0 LOG3 PUSH1 0 PUSH1 0 REVERT
/// Init code: PUSH1 0x35 PUSH1 0x0c PUSH1 0 CODECOPY PUSH1 0x35 PUSH1 0 RETURN.
contract LogThenRevert {
    event Transfer(address indexed from, address indexed to, uint256 value);

    fallback(bytes calldata data) external payable returns (bytes memory) {
        (address to, uint256 value) = abi.decode(data, (address, uint256));
        emit Transfer(msg.sender, to, value);
        revert();
    }
}
