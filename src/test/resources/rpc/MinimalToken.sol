// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Solidity equivalent of MinimalToken.hex (hand-assembled, 67-byte runtime; the build has no solc).
/// A "minimal ERC-20" for gathering tests: it keeps no balances, it only emits the ERC-20-shaped
/// Transfer(from = caller, to, value) event that every indexer (ethereum-etl, eth_getLogs) reads, and it
/// answers decimals() so that the export's tokens.csv and the node agree that it is fungible.
///
/// Bytecode (runtime):
///   CALLDATASIZE PUSH1 4 EQ PUSH1 0x38 JUMPI                 ; 4-byte call (decimals()) -> return 18
///   PUSH1 0x20 CALLDATALOAD PUSH1 0 MSTORE                    ; value -> memory[0..32]
///   PUSH1 0 CALLDATALOAD CALLER PUSH32 <Transfer topic>       ; topics: Transfer, caller, to
///   PUSH1 0x20 PUSH1 0 LOG3 STOP
///   0x38: JUMPDEST PUSH1 18 PUSH1 0 MSTORE PUSH1 0x20 PUSH1 0 RETURN
/// Init code: PUSH1 0x43 PUSH1 0x0c PUSH1 0 CODECOPY PUSH1 0x43 PUSH1 0 RETURN.
contract MinimalToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function decimals() external pure returns (uint8) {
        return 18;
    }

    /// calldata = abi.encode(address to, uint256 value), without a selector
    fallback(bytes calldata data) external payable returns (bytes memory) {
        (address to, uint256 value) = abi.decode(data, (address, uint256));
        emit Transfer(msg.sender, to, value);
        return "";
    }
}
