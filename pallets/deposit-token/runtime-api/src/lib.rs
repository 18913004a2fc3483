//! The KRW deposit token's answers for agencies and wallets, as a runtime API
//! (`api.call.depositTokenApi.*` in polkadot-js; the node serves them as JSON-RPC
//! `depositToken_balance` and `depositToken_bank`).

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_deposit_token::{BankTotal, TokenAccount};
pub use seoul_primitives::{Balance, OrganizationId};

sp_api::decl_runtime_apis! {
	/// Answers about the KRW deposit token.
	pub trait DepositTokenApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The tokens `who` holds, and whether the city froze the account.
		fn account(who: AccountId) -> TokenAccount;

		/// What bank `bank` has minted and burnt, and the tokens outstanding in all.
		fn bank(bank: OrganizationId) -> (BankTotal, Balance);
	}
}
