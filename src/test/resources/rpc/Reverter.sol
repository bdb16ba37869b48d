// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of Reverter.hex (runtime PUSH1 0 PUSH1 0 REVERT): refuses every call, so a Forwarder
/// pointed at it makes the whole transaction revert.
contract Reverter {
    fallback() external payable {
        revert();
    }
}
